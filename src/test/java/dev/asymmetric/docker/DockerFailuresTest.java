package dev.asymmetric.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asymmetric.provider.Labels;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerFailuresTest {
    @Test
    void theEnginesMessageIsKeptWholeDespiteEscapedQuotes() {
        RuntimeException e = new RuntimeException("Status 500: {\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": "
                + "dial tcp: lookup registry-1.docker.io: no such host\"}\n");
        assertEquals("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io: no such host",
                DockerFailures.message(e));
    }

    @Test
    void aMessageThatIsNotTheEnginesJsonIsKeptAsItIs() {
        assertEquals("Connection refused {not json", DockerFailures.message(new RuntimeException(" Connection refused {not json ")));
    }

    @Test
    void portClaimsRoundTripThroughTheirLabel() {
        assertEquals("3001,3002", Labels.ports(List.of(3002, 3001, 0)));
        assertEquals(Set.of(3001, 3002), Labels.ports("3001, 3002,x,"));
        assertEquals(Set.of(), Labels.ports((String) null));
    }
}
