package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.servicecoach.scoring.ScoringSettings.SlaTargets;
import com.servicecoach.scoring.ScoringSettings.Weights;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringSettingsTest {

    @Test
    void defaultsAreThoseOfMetricsMd() {
        ScoringSettings s = ScoringSettings.defaults();
        assertEquals(ZoneId.of("Asia/Shanghai"), s.orgZone());
        assertTrue(s.calendar(Channel.CHAT).alwaysOpen());
        assertTrue(s.calendar(Channel.PHONE).alwaysOpen());
        assertTrue(s.calendar(Channel.SOCIAL).alwaysOpen());
        BusinessCalendar email = s.calendar(Channel.EMAIL);
        assertFalse(email.alwaysOpen());
        assertEquals(ZoneId.of("Asia/Shanghai"), email.zone());
        assertEquals(5, email.openingHours().size());
        assertEquals(new BusinessCalendar.OpeningHours(LocalTime.of(9, 0), LocalTime.of(18, 0)),
                email.openingHours().get(DayOfWeek.FRIDAY));
        assertFalse(email.openingHours().containsKey(DayOfWeek.SATURDAY));
        assertTrue(email.holidays().isEmpty());
        assertEquals(new SlaTargets(60, 86_400), s.targets(Channel.CHAT));
        assertEquals(new SlaTargets(20, 86_400), s.targets(Channel.PHONE));
        assertEquals(new SlaTargets(3_600, 172_800), s.targets(Channel.SOCIAL));
        assertEquals(new SlaTargets(14_400, 57_600), s.targets(Channel.EMAIL));
        assertEquals(10, s.minRated());
        assertEquals(new Weights(30, 20, 35, 15), s.weights());
    }

    @Test
    void theDefaultEmailCalendarIsInTheOrganizationsZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(berlin, ScoringSettings.defaults(berlin).calendar(Channel.EMAIL).zone());
    }

    @Test
    void everyChannelNeedsACalendarAndTargets() {
        ScoringSettings d = ScoringSettings.defaults();
        Map<Channel, BusinessCalendar> calendars = new EnumMap<>(d.calendars());
        calendars.remove(Channel.EMAIL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScoringSettings(d.orgZone(), calendars, d.slaTargets(), 10, d.weights()));
        assertEquals("no calendar for channel email", e.getMessage());
    }

    @Test
    void invalidValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SlaTargets(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new Weights(-1, 20, 35, 15));
        assertThrows(IllegalArgumentException.class, () -> new Weights(0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ScoringSettings.defaults().withMinRated(-1));
    }

    @Test
    void withersChangeOneSetting() {
        ScoringSettings s = ScoringSettings.defaults()
                .withTargets(Channel.CHAT, new SlaTargets(30, 3_600))
                .withCalendar(Channel.PHONE, ScoringSettings.defaults().calendar(Channel.EMAIL))
                .withMinRated(5)
                .withWeights(new Weights(25, 25, 25, 25));
        assertEquals(new SlaTargets(30, 3_600), s.targets(Channel.CHAT));
        assertFalse(s.calendar(Channel.PHONE).alwaysOpen());
        assertEquals(5, s.minRated());
        assertEquals(new Weights(25, 25, 25, 25), s.weights());
        assertEquals(new SlaTargets(14_400, 57_600), s.targets(Channel.EMAIL));
    }
}
