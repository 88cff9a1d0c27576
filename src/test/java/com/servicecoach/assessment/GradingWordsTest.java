package com.servicecoach.assessment;

import com.servicecoach.web.FieldError;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.Messages;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Grading errors say what to enter, in the grader's words, not the developer's. */
class GradingWordsTest {

    static final List<BankContent.Criterion> RUBRIC = List.of(new BankContent.Criterion(1, "Apologises", "道歉", 3),
            new BankContent.Criterion(2, "Next step", "下一步", 2));

    @Test
    void aBlankOrBrokenPointsFieldAsksForWholePointsInItsRange() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> GradingQueue.checkPoints(new AttemptViews.GradeRequest(Arrays.asList("", "1.5"), null), RUBRIC));
        List<FieldError> errors = e.errors();
        Messages messages = new Messages();
        assertEquals("Criterion 1: enter the points given, from 0 to 3.", text(messages, Locale.ENGLISH, errors.get(0)));
        assertEquals("Criterion 2: enter a whole number of points from 0 to 2, such as 2.", text(messages, Locale.ENGLISH, errors.get(1)));
        assertEquals("第 1 项标准：请输入所给分数（0 到 3）。", text(messages, Messages.CHINESE, errors.get(0)));
    }

    static String text(Messages messages, Locale locale, FieldError e) {
        return messages.get(locale, e.key(), e.args().toArray());
    }
}
