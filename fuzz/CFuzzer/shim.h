// libFuzzer's entry point for programs that keep their own `main` (SwiftPM gives every
// executable one, so libFuzzer's `main` never runs). Defined by libFuzzer's runtime, which
// `-sanitize=fuzzer` links; declaring it references nothing until it is called.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
