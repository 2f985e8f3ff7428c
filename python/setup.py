"""Installs the package with its own copy of libdfdx: the source tree's build/libdfdx.so (after
the README's build command), built here with CMake when it is missing. Without the source tree
the package loads the system's installed libdfdx (cmake --install) instead."""
import os
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def libdfdx():
    """The shared library to ship, or None to rely on the installed one."""
    build = os.environ.get("DFDX_BUILD_DIR", os.path.join(ROOT, "build"))
    lib = os.path.join(build, "libdfdx.so")
    if not os.path.exists(lib) and os.path.exists(os.path.join(ROOT, "CMakePresets.json")) and shutil.which("cmake"):
        subprocess.run(["cmake", "--preset", "default"], cwd=ROOT, check=True)
        subprocess.run(["cmake", "--build", "--preset", "default", "--target", "dfdx", "-j2"], cwd=ROOT, check=True)
    return os.path.realpath(lib) if os.path.exists(lib) else None


class BuildPy(build_py):
    def run(self):
        super().run()
        lib = libdfdx()
        if lib:
            dest = os.path.join(self.build_lib, "dfdx", "libdfdx.so")
            self.copy_file(lib, dest)


setup(cmdclass={"build_py": BuildPy})
