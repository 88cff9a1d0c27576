package com.servicecoach.scoring;

import java.util.Arrays;

/** Variable-length integers (7 bits a byte, low bits first; signed values zig-zag encoded), for stored tallies. */
final class VarBytes {

    private byte[] bytes = new byte[64];
    private int size;

    void write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
    }

    void writeUnsigned(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        while ((value & ~0x7FL) != 0) {
            write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        write((int) value);
    }

    void writeSigned(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        write((int) zigzag);
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int read() {
            if (at >= bytes.length) {
                throw new IllegalArgumentException("a stored tally ends too early");
            }
            return bytes[at++] & 0xFF;
        }

        long readUnsigned() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a stored number is too long");
        }

        long readSigned() {
            long zigzag = readUnsigned();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        boolean atEnd() {
            return at == bytes.length;
        }
    }
}
