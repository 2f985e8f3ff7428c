# The libFuzzer harness (cmake -DDX_FUZZ=ON with clang): the library compiled again with
# coverage, ASan and UBSan into one program. Not part of the default build or of CI.
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
target_link_libraries(dfdx_fuzz PRIVATE ${GMP_LIB} ${MVEC_LIB} ${M_LIB})
