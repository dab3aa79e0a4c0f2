"""Builds the wheel's extension module, replay._replay, with the project's CMake.

The module is the target replay_python_module (python/CMakeLists.txt) of a
CMake build configured for the Python running this script; nothing is
downloaded. Environment: CMAKE_BUILD_PARALLEL_LEVEL (jobs), REPLAY_CMAKE_ARGS
(more configure arguments, space-separated).
"""
import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.install import install

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    """build_ext that runs CMake instead of compiling sources itself."""

    def build_extension(self, ext):
        build = pathlib.Path(self.build_temp).resolve() / 'cmake'
        configure = ['cmake', '-S', str(ROOT), '-B', str(build), '-DCMAKE_BUILD_TYPE=Release',
                     '-DBUILD_TESTING=OFF', f'-DPython3_EXECUTABLE={sys.executable}',
                     *os.environ.get('REPLAY_CMAKE_ARGS', '').split()]
        if shutil.which('ninja'):
            configure += ['-G', 'Ninja']
        subprocess.run(configure, check=True)
        subprocess.run(['cmake', '--build', str(build), '--target', 'replay_python_module'],
                       check=True)
        built = list((build / 'python' / 'replay').glob('_replay*.so'))
        if len(built) != 1:
            raise RuntimeError(f'expected one replay/_replay*.so in {build}, found {built}')
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


class Install(install):
    """install, with the options Debian's setuptools (python3-setuptools-whl)
    asks for: its install_lib and install_egg_info read install_layout and
    prefix_option, which only Debian's patched distutils defines, not the
    one setuptools bundles. None: the upstream behaviour."""

    def initialize_options(self):
        super().initialize_options()
        for option in ('install_layout', 'prefix_option'):
            if not hasattr(self, option):
                setattr(self, option, None)


setup(
    # Not build/, the CMake build directory of ci/build.
    options={'build': {'build_base': 'build-wheel'}},
    packages=['replay'],
    package_dir={'': 'python'},
    ext_modules=[Extension('replay._replay', sources=[])],
    cmdclass={'build_ext': CMakeBuild, 'install': Install},
)
