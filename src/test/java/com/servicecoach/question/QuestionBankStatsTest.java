package com.servicecoach.question;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionBankStatsTest {

    @Test
    void countsByTypeCodeInTypeOrderLeavingOutAbsentTypes() {
        GiftResult r = GiftParser.parse("A {}\n\nB {T}\n\nC {=x ~y}\n\nD {F}\n\nIntro text.");
        assertEquals("{multichoice=1, truefalse=2, essay=1, description=1}",
                QuestionBankStats.byType(r.questions()).toString());
        assertEquals("{}", QuestionBankStats.byType(List.of()).toString());
        assertEquals("{}", QuestionBankStats.byType(null).toString());
    }
}
