package dev.asymmetric.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Launcher;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in {@code maildev} template on the real MailDev 3.0.0: mail in over SMTP, out over its API, reset. */
class MailDevTemplateIT {
    @TempDir
    Path tmp;

    @BeforeEach
    void image() {
        Images.assumePresent(Images.MAILDEV, "maildev.sh");
    }

    private static JsonNode mailbox(String web) {
        var r = Rest.get(web + "/api/email");
        assertEquals(200, r.statusCode(), r.body());
        return Verbs.json(r.body());
    }

    @Test
    void mailSentOverSmtpIsListedAndResetEmptiesTheMailboxInTheSameContainer() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Verbs verbs = new Verbs(cli);
            JsonNode clone = verbs.spin("maildev").get(0);
            String id = clone.get("id").asText();
            String web = clone.get("endpoints").get("mail").asText();
            int smtp = clone.get("ports").get("mail.smtp").asInt();
            assertEquals(200, Rest.get(web + "/api/healthz").statusCode());
            assertEquals(0, mailbox(web).size());

            Smtp.send(smtp, "app@asymmetric.test", "user@asymmetric.test", "Your order shipped", "Tracking: 42");
            JsonNode mails = mailbox(web);
            assertEquals(1, mails.size(), mails.toString());
            assertEquals("Your order shipped", mails.get(0).get("subject").asText());
            assertEquals("user@asymmetric.test", mails.get(0).get("to").get(0).get("address").asText());
            List<String> before = Verbs.containers(id);

            verbs.reset(id);
            assertEquals(before, Verbs.containers(id), "the reset hook keeps the container");
            assertEquals(clone.get("ports"), verbs.clone(id).get("ports"));
            assertEquals(0, mailbox(web).size(), "the mailbox is empty again");
            Smtp.send(smtp, "app@asymmetric.test", "user@asymmetric.test", "After the reset", "still catching");
            assertEquals(1, mailbox(web).size(), "it still catches mail");

            verbs.destroy(id);
        }
    }
}
