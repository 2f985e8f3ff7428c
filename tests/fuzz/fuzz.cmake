# The libFuzzer harnesses (cmake --preset fuzz, or -DDX_FUZZ=ON with clang): the library
# compiled again with coverage, ASan and UBSan into one program. CI runs each for a minute.
if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "DX_FUZZ needs clang (CC=clang cmake -DDX_FUZZ=ON ...)")
endif()
set(DX_FUZZ_FLAGS -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
add_executable(dfdx_fuzz ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/fuzz_expr.c ${DX_SOURCES})
target_include_directories(dfdx_fuzz PRIVATE include src ${CMAKE_CURRENT_BINARY_DIR} ${GMP_INCLUDE})
target_compile_definitions(dfdx_fuzz PRIVATE DX_BUILDING _POSIX_C_SOURCE=200809L
                           $<$<BOOL:${DX_HAVE_MVEC}>:DX_HAVE_MVEC>)
target_compile_options(dfdx_fuzz PRIVATE ${DX_FUZZ_FLAGS} -g -O1)
target_link_options(dfdx_fuzz PRIVATE ${DX_FUZZ_FLAGS})
target_link_libraries(dfdx_fuzz PRIVATE ${MPFR_LIB} ${GMP_LIB} ${MVEC_LIB} ${M_LIB})

# The whole program under the fuzzer (fuzz_cli.c): the library and the program's sources again,
# with main renamed, linked like the program.
file(GLOB DX_FUZZ_CLI_SOURCES CONFIGURE_DEPENDS src/cli/*.c)
list(REMOVE_ITEM DX_FUZZ_CLI_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/src/cli/main.c)
add_executable(dfdx_fuzz_cli ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/fuzz_cli.c ${DX_FUZZ_CLI_SOURCES} ${DX_SOURCES})
target_include_directories(dfdx_fuzz_cli PRIVATE include src src/cli ${CMAKE_CURRENT_BINARY_DIR} ${GMP_INCLUDE})
target_compile_definitions(dfdx_fuzz_cli PRIVATE DX_BUILDING _POSIX_C_SOURCE=200809L
                           DX_LOCALEDIR="${CMAKE_INSTALL_FULL_LOCALEDIR}" DX_LOCALEDIR_REL="${DX_LOCALEDIR_REL}"
                           $<$<BOOL:${DX_HAVE_MVEC}>:DX_HAVE_MVEC>)
target_compile_options(dfdx_fuzz_cli PRIVATE ${DX_FUZZ_FLAGS} -g -O1)
target_link_options(dfdx_fuzz_cli PRIVATE ${DX_FUZZ_FLAGS})
target_link_libraries(dfdx_fuzz_cli PRIVATE ${MPFR_LIB} ${GMP_LIB} ${MVEC_LIB} ${M_LIB} PkgConfig::CAIRO PkgConfig::FONTCONFIG
                      PkgConfig::EDIT PkgConfig::GVC)
add_dependencies(dfdx_fuzz_cli dfdx_mo)
