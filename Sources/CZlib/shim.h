// zlib for the .npz reader: only raw inflate and CRC-32 are used.
#include <zlib.h>

// inflateInit2 is a macro (it passes the header's version and the stream's size), which Swift
// cannot call; windowBits -15 selects raw deflate data, as zip members hold it.
static inline int czlib_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -15);
}
