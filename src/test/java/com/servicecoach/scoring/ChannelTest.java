package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelTest {

    @Test
    void codesAreLowerCaseNames() {
        assertEquals("chat", Channel.CHAT.code());
        assertEquals("email", Channel.EMAIL.code());
        assertEquals("phone", Channel.PHONE.code());
        assertEquals("social", Channel.SOCIAL.code());
    }

    @Test
    void fromCodeIsTrimmedAndCaseInsensitive() {
        assertEquals(Optional.of(Channel.EMAIL), Channel.fromCode(" Email "));
        assertEquals(Optional.of(Channel.SOCIAL), Channel.fromCode("SOCIAL"));
        assertEquals(Optional.of(Channel.CHAT), Channel.fromCode("chat"));
    }

    @Test
    void fromCodeIsEmptyForUnknownBlankOrNull() {
        assertEquals(Optional.empty(), Channel.fromCode("fax"));
        assertEquals(Optional.empty(), Channel.fromCode(""));
        assertEquals(Optional.empty(), Channel.fromCode(null));
    }
}
