package dev.proctor.retrieval.io;

import dev.proctor.api.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Streams a text file as strict UTF-8 lines with 1-based numbers; run files can be too large to hold as text. */
final class Lines {
    interface Consumer {
        void accept(long number, String line);
    }

    private Lines() {
    }

    static void forEach(Path file, String what, Consumer consumer) {
        long number = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), strict()))) {
            for (String line; (line = in.readLine()) != null; ) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                consumer.accept(number, line);
            }
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, 0, "expected " + what + ", found no such file");
        } catch (CharacterCodingException e) {
            throw invalidUtf8(file);
        } catch (IOException e) {
            throw new DataFormatException(file, number, "expected a readable " + what + ", found " + e);
        }
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The reader decodes ahead of the line it returns, so the bad byte's line is found again from the bytes. */
    private static DataFormatException invalidUtf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            strict().decode(in, java.nio.CharBuffer.allocate(bytes.length), true);
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return new DataFormatException(file, line,
                    "expected UTF-8 text, found an invalid byte sequence at byte offset " + in.position());
        } catch (IOException e) {
            return new DataFormatException(file, 0, "expected UTF-8 text, found " + e);
        }
    }
}
