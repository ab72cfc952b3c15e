# Thin wrapper around packaging/install-deps.sh, the CMake presets and CTest.
# Everything real lives in CMakeLists.txt and CMakePresets.json.

BUILD_DIR := build/dev
FORMAT_FILES = $(shell find app ui main tests -path '*/build' -prune -o -type f \( -name '*.cpp' -o -name '*.h' \) -print)

.DEFAULT_GOAL := help
.PHONY: help deps configure build test package run screenshots bench asan translations format format-check clean

help:
	@echo 'Stevedore'
	@echo
	@echo '  make run           install missing Debian packages, build, start gitlab-sim --demo and open Stevedore on it'
	@echo '  make package       build the release preset and the Debian package build/release/stevedore_VERSION_ARCH.deb'
	@echo '  make test          install missing Debian packages, build with the dev preset, check the formatting and run every test'
	@echo '  make deps          install the missing packages of packaging/debian-deps.txt (uses sudo when not root)'
	@echo '  make configure     cmake --preset dev'
	@echo '  make build         deps + configure + build ($(BUILD_DIR))'
	@echo '  make screenshots   write docs/screenshots/*.png from the app under Xvfb against the demo data'
	@echo '  make bench         build the bench preset and compare stevedore with curl and python-gitlab (docs/performance.md)'
	@echo '  make asan          build and test with AddressSanitizer and UBSan (build/asan)'
	@echo '  make translations  update translations/*.ts from the texts of the code and list what is left to translate'
	@echo '  make format        clang-format every C++ file in place'
	@echo '  make format-check  fail if any C++ file is not clang-formatted'
	@echo '  make clean         remove build/'

deps:
	packaging/install-deps.sh

configure: deps
	cmake --preset dev

build: configure
	cmake --build --preset dev

# The tests carry their own environment, so a plain
# `ctest --test-dir build/dev --output-on-failure -j2` runs them the same way.
test: build
	$(MAKE) --no-print-directory format-check
	ctest --preset dev

package: deps
	cmake --preset release
	cmake --build --preset release
	cpack --preset release

run: build
	scripts/run-demo.sh $(BUILD_DIR)

screenshots: build
	tests/gui/screenshots/take-screenshots.sh $(BUILD_DIR) docs/screenshots

bench: deps
	packaging/install-deps.sh packaging/bench-deps.txt
	cmake --preset bench
	cmake --build --preset bench
	tests/keychain/run-with-keyring.sh /usr/bin/python3 tests/bench/bench.py build/bench docs/performance.md $(BENCH_ARGS)

asan: deps
	cmake --preset asan
	cmake --build --preset asan
	ctest --preset asan

translations:
	scripts/update-translations.sh

format:
	clang-format -i $(FORMAT_FILES)

format-check:
	clang-format --dry-run --Werror $(FORMAT_FILES)

clean:
	rm -rf build
