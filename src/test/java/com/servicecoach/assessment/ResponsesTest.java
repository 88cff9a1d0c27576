package com.servicecoach.assessment;

import com.servicecoach.question.GiftParser;
import com.servicecoach.question.Question;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Answers translated between the attempt's ids (o1, s1, ... in the order shown) and the bank's ids. */
class ResponsesTest {

    static Question q(String gift) {
        return GiftParser.parse(gift).questions().get(0);
    }

    @Test
    void optionIdsFollowTheAttemptsOrder() {
        Question mc = q("::Q::Sky?{=Blue ~Green ~Red}");
        List<String> shown = List.of("3", "1", "2");
        assertEquals("1", Responses.toBank(mc, shown, List.of(), "o2"));
        assertEquals("o2", Responses.toAttempt(mc, shown, List.of(), "1"));
        assertNull(Responses.toBank(mc, shown, List.of(), ""));
        Responses.Refused r = assertThrows(Responses.Refused.class, () -> Responses.toBank(mc, shown, List.of(), "o4"));
        assertEquals("assessment.answer.option", r.key());
        assertEquals(List.of("o4", "o1-o3"), r.args());
        assertThrows(Responses.Refused.class, () -> Responses.toBank(mc, shown, List.of(), List.of("o1")));
    }

    @Test
    void severalAnswersMatchingAndNumbersConvertBothWays() {
        Question ma = q("::Q::Fruit?{~%50%Apple ~%50%Pear ~%-100%Stone}");
        assertEquals(List.of("2", "1"), Responses.toBank(ma, List.of("3", "2", "1"), List.of(), List.of("o2", "o3", "o2")));
        assertNull(Responses.toBank(ma, List.of("3", "2", "1"), List.of(), List.of()));

        Question mt = q("::Q::Match{=cat -> animal =rose -> plant =iron -> metal}");
        List<String> opts = List.of("2", "3", "1");
        List<String> stems = List.of("3", "2", "1");
        Object bank = Responses.toBank(mt, opts, stems, Map.of("s1", "o2", "s2", "o1"));
        assertEquals(Map.of("3", "3", "2", "2"), bank);
        assertEquals(Map.of("s1", "o2", "s2", "o1"), Responses.toAttempt(mt, opts, stems, bank));
        assertThrows(Responses.Refused.class, () -> Responses.toBank(mt, opts, stems, Map.of("s4", "o1")));

        Question nu = q("::Q::How many?{#60:5}");
        assertEquals("2.5", Responses.toBank(nu, List.of(), List.of(), 2.5));
        assertEquals("60", Responses.toBank(nu, List.of(), List.of(), " 60 "));
        assertEquals(new BigDecimal("2.5"), Responses.toAttempt(nu, List.of(), List.of(), "2.5"));
        assertThrows(Responses.Refused.class, () -> Responses.toBank(nu, List.of(), List.of(), "sixty"));
        assertThrows(Responses.Refused.class, () -> Responses.toBank(nu, List.of(), List.of(), true));
    }

    @Test
    void textAndTrueFalseAreCheckedForType() {
        Question tf = q("::Q::Round?{T}");
        assertEquals(true, Responses.toBank(tf, List.of(), List.of(), true));
        assertThrows(Responses.Refused.class, () -> Responses.toBank(tf, List.of(), List.of(), "true"));
        Question sa = q("::Q::Word?{=Hello}");
        assertEquals(" hello ", Responses.toBank(sa, List.of(), List.of(), " hello "));
        Responses.Refused tooLong = assertThrows(Responses.Refused.class,
                () -> Responses.toBank(sa, List.of(), List.of(), "x".repeat(Responses.SHORT_MAX + 1)));
        assertEquals("assessment.answer.tooLong", tooLong.key());
        assertNull(Responses.toBank(sa, List.of(), List.of(), "   "));
    }
}
