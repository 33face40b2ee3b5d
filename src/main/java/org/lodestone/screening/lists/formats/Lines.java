package org.lodestone.screening.lists.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Physical lines of a file, decoded one at a time with a strict UTF-8 decoder. A line ends at LF (a CR before it is
 * dropped). A line longer than {@link #MAX_LINE_BYTES} is not buffered: its bytes are skipped up to the next LF and it
 * is returned as {@link Line#error() refused}, like a line that is not valid UTF-8, so one bad line never stops the
 * rest of the file. A UTF-8 byte order mark at the start is ignored.
 */
final class Lines {

    static final int MAX_LINE_BYTES = 1024 * 1024;

    /** A line: its 1-based number and text, or the reason it could not be read. */
    record Line(
            long number, @Nullable String text, @Nullable String error) {}

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[8 * 1024];
    private long number;
    private boolean first = true;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    Lines(InputStream in) {
        this.in = in;
    }

    /** The next line, or {@code null} at the end of the file. */
    @Nullable
    Line next() throws IOException {
        int length = 0;
        boolean overlong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int n = end - start;
            if (!overlong) {
                if (length + n > MAX_LINE_BYTES) {
                    overlong = true;
                } else {
                    ensure(length + n);
                    System.arraycopy(buffer, start, line, length, n);
                    length += n;
                }
            }
            position = end;
            if (end < limit) {
                position++; // the LF
                break;
            }
        }
        number++;
        if (overlong) {
            return new Line(number, null, "the line is longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int offset = 0;
        if (first) {
            first = false;
            if (length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
                offset = 3;
            }
        }
        return decode(offset, length);
    }

    long lineNumber() {
        return number;
    }

    private Line decode(int offset, int length) {
        ByteBuffer bytes = ByteBuffer.wrap(line, offset, length - offset);
        CharBuffer chars = CharBuffer.allocate(length - offset);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            return new Line(number, null, "invalid UTF-8 at byte " + (bytes.position() - offset + 1) + " of the line");
        }
        result = decoder.flush(chars);
        chars.flip();
        return new Line(number, chars.toString(), null);
    }

    private void ensure(int capacity) {
        if (capacity > line.length) {
            byte[] bigger = new byte[Math.max(capacity, line.length * 2)];
            System.arraycopy(line, 0, bigger, 0, line.length);
            line = bigger;
        }
    }
}
