package io.heddle.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.Pid;
import org.junit.jupiter.api.Test;

/** Pids are read back as Heddle prints them, with or without angle brackets. */
class PidTextTest {

    @Test
    void readsWhatPidPrints() {
        Pid pid = new Pid(42, 3);
        assertEquals(pid, PidText.parse(pid.toString()));
        assertEquals(pid, PidText.parse("0.42.3"));
        assertEquals(new Pid(0, 0), PidText.parse("<0.0.0>"));
    }

    @Test
    void refusesOtherTextWithAHint() {
        for (String bad : new String[] {"", "42", "<0.42>", "<1.42.0>", "<0.42.0", "0.42.0>", "<0.-1.0>",
                "<0.a.0>", "<0.99999999999999999999.0>", "<0.1.9999999999>"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PidText.parse(bad), bad);
            assertTrue(e.getMessage().contains("is not a pid"), e.getMessage());
        }
    }
}
