package dev.asymmetric.it.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends one plain mail the way an app's mailer does: an SMTP session on a loopback port, no auth, no TLS. */
final class Smtp {
    private Smtp() {
    }

    static void send(int port, String from, String to, String subject, String body) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            say(out, in, "EHLO asymmetric.test", "250");
            say(out, in, "MAIL FROM:<" + from + ">", "250");
            say(out, in, "RCPT TO:<" + to + ">", "250");
            say(out, in, "DATA", "354");
            say(out, in, "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n\r\n" + body + "\r\n.", "250");
            say(out, in, "QUIT", "221");
        } catch (IOException e) {
            throw new AssertionError("SMTP to 127.0.0.1:" + port + " failed: " + e, e);
        }
    }

    private static void say(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    /** Reads one reply (its continuation lines too) and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            assertTrue(line != null && line.startsWith(code), "SMTP: expected " + code + ", got " + line);
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}
