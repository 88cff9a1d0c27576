package com.servicecoach.demo;

import com.servicecoach.csv.CsvCells;

import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic helpdesk interactions, written as an import CSV file (for the demo data and the benchmark).
 *
 * <p>Distributions: channels mostly chat (55% chat, 20% email, 15% phone, 10% social, limited to the agent's
 * channels); categories weighted as in an online shop's after-sales work; contacts over the day with a daytime
 * peak; first response and resolution times long-tailed (log-normal) per channel, emails answered within
 * Mon-Fri 09:00-18:00; about 60% rated, a fifth of them on the 5-point scale, ratings lower when the answer
 * was slow; a few agents much weaker (slower, lower rated, more left unanswered) or stronger than the rest. Nothing
 * happens after {@code now}: contacts still open then are left unanswered or unresolved.
 */
public final class InteractionGenerator {

    /** An agent to generate for: employee number, channels, and a skill factor (1 = typical, above 1 = slower and worse). */
    public record AgentProfile(String employeeNo, List<String> channels, double skill) {
    }

    /**
     * What to generate.
     *
     * @param perAgentPerDay mean contacts per agent per day
     * @param utcTimes       write times in UTC with {@code Z}; else as local times of {@code zone} without offset
     */
    public record Options(long seed, LocalDate first, LocalDate last, ZoneId zone, Instant now, double perAgentPerDay,
                          boolean utcTimes, String idPrefix, java.util.Map<String, Lift> lifts, boolean caseTypes) {

        public Options(long seed, LocalDate first, LocalDate last, ZoneId zone, Instant now, double perAgentPerDay,
                       boolean utcTimes, String idPrefix, java.util.Map<String, Lift> lifts) {
            this(seed, first, last, zone, now, perAgentPerDay, utcTimes, idPrefix, lifts, false);
        }

        public Options(long seed, LocalDate first, LocalDate last, ZoneId zone, Instant now, double perAgentPerDay,
                       boolean utcTimes, String idPrefix) {
            this(seed, first, last, zone, now, perAgentPerDay, utcTimes, idPrefix, java.util.Map.of());
        }

        /**
         * These options with priorities, owners and reopen counts too (the columns priority, owner, reopened): drawn
         * from a random source of their own, so every other value stays as without them.
         */
        public Options withCaseTypes() {
            return new Options(seed, first, last, zone, now, perAgentPerDay, utcTimes, idPrefix, lifts, true);
        }
    }

    /**
     * A change in an agent's ratings (by employee number in {@link Options#lifts}): from the day after {@code after}
     * (in the zone), the mean rating of the agent's contacts in {@code category} moves by {@code points}, as after
     * training that worked. It draws no extra random numbers, so every other contact stays as it was.
     */
    public record Lift(String category, LocalDate after, double points) {
    }

    public static final String HEADER = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,"
            + "rating,rating_scale,comment";
    /** The header's end with {@link Options#withCaseTypes()}. */
    static final String CASE_COLUMNS = ",priority,owner,reopened";

    private static final Channel[] CHANNELS = {Channel.CHAT, Channel.EMAIL, Channel.PHONE, Channel.SOCIAL};
    private static final double[] CHANNEL_WEIGHTS = {55, 20, 15, 10};
    private static final Category[] CATEGORIES = {Category.ORDER_STATUS, Category.LOGISTICS, Category.RETURN_REFUND,
            Category.PRE_SALES, Category.PRODUCT_QUALITY, Category.COMPLAINT, Category.PAYMENT, Category.ACCOUNT_PRIVACY,
            Category.OTHER};
    private static final double[] CATEGORY_WEIGHTS = {20, 18, 15, 15, 10, 7, 7, 3, 5};
    /** Median seconds of first response and of resolution after it, by channel (chat, email, phone, social). */
    private static final double[] FRT_MEDIAN = {35, 5400, 14, 1500};
    private static final double[] FRT_SIGMA = {0.9, 1.0, 0.7, 1.0};
    private static final double[] RESOLVE_MEDIAN = {600, 18_000, 420, 9000};
    private static final double[] RESOLVE_SIGMA = {1.1, 1.1, 1.0, 1.2};
    /** Contacts by hour of day (relative). */
    private static final double[] HOURS = {1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 6, 7, 7, 6, 6, 7, 7, 6, 6, 5, 5, 5, 4, 3, 2};
    private static final String[] GOOD = {"回复很快，谢谢", "Very helpful, thanks!", "客服态度很好", "Solved in minutes", "物流信息讲得很清楚"};
    private static final String[] BAD = {"等了很久才回复", "Nobody answered my question", "退款太慢了", "问题还没解决", "Had to explain twice"};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private InteractionGenerator() {
    }

    /**
     * Gives each agent a skill: about one in ten much weaker (2.2), one in ten much stronger (0.5), the others
     * spread around 1 (between 0.7 and 1.5). Deterministic for a seed.
     */
    public static List<AgentProfile> profiles(List<String> employeeNos, List<List<String>> channels, long seed) {
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < employeeNos.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int tenth = Math.max(1, employeeNos.size() / 10);
        double[] skill = new double[employeeNos.size()];
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            skill[i] = k < tenth ? 2.2 : k < 2 * tenth ? 0.5 : Math.min(1.5, Math.max(0.7, Math.exp(random.nextGaussian() * 0.2)));
        }
        List<AgentProfile> out = new ArrayList<>();
        for (int i = 0; i < employeeNos.size(); i++) {
            out.add(new AgentProfile(employeeNos.get(i), channels.get(i), skill[i]));
        }
        return out;
    }

    /** Writes the header and the rows; returns the number of rows. */
    public static long write(List<AgentProfile> agents, Options o, Writer out) {
        Random random = new Random(o.seed());
        long n = 0;
        try {
            out.write(HEADER);
            out.write(o.caseTypes() ? CASE_COLUMNS + "\n" : "\n");
            StringBuilder line = new StringBuilder(160);
            for (LocalDate day = o.first(); !day.isAfter(o.last()); day = day.plusDays(1)) {
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                for (int a = 0; a < agents.size(); a++) {
                    AgentProfile agent = agents.get(a);
                    String colleague = agents.get((a + 1) % agents.size()).employeeNo();
                    int count = poisson(random, o.perAgentPerDay() * (weekend ? 0.7 : 1.0));
                    for (int k = 0; k < count; k++) {
                        Instant created = created(random, day, o.zone());
                        if (created.isAfter(o.now())) {
                            continue;
                        }
                        line.setLength(0);
                        row(random, agent, created, o, ++n, line);
                        if (o.caseTypes()) {
                            caseColumns(o.seed(), n, colleague, agent.employeeNo(), line);
                        }
                        out.append(line);
                    }
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static void row(Random random, AgentProfile agent, Instant created, Options o, long n, StringBuilder line) {
        int c = channel(random, agent.channels());
        double skill = agent.skill();
        String category = CATEGORIES[pick(random, CATEGORY_WEIGHTS)].code();
        Instant firstResponse = null;
        Instant resolved = null;
        double unanswered = 0.01 * skill * skill;
        if (random.nextDouble() >= unanswered) {
            double frt = logNormal(random, FRT_MEDIAN[c] * skill, FRT_SIGMA[c]);
            firstResponse = c == 1 ? emailReply(created, frt, o.zone()) : created.plusSeconds((long) frt);
            if (firstResponse.isAfter(o.now())) {
                firstResponse = null;
            }
        }
        if (firstResponse != null && random.nextDouble() >= 0.03 * skill) {
            double more = logNormal(random, RESOLVE_MEDIAN[c] * skill * (category.equals("return_refund")
                    || category.equals("complaint") ? 3 : 1), RESOLVE_SIGMA[c]);
            resolved = c == 1 ? emailReply(firstResponse, more, o.zone()) : firstResponse.plusSeconds((long) more);
            if (resolved.isAfter(o.now())) {
                resolved = null;
            }
        }
        Integer rating = null;
        int scale = 10;
        if (resolved != null && random.nextDouble() < 0.62) {
            long frt = firstResponse.getEpochSecond() - created.getEpochSecond();
            double mean = 8.6 - 2.4 * (skill - 1) - (frt > FRT_MEDIAN[c] * 4 ? 1.5 : 0)
                    - (category.equals("complaint") ? 1.0 : 0);
            Lift lift = o.lifts().get(agent.employeeNo());
            if (lift != null && lift.category().equals(category) && LocalDate.ofInstant(created, o.zone()).isAfter(lift.after())) {
                mean += lift.points();
            }
            int r = (int) Math.round(Math.max(1, Math.min(10, mean + random.nextGaussian() * 1.6)));
            if (random.nextDouble() < 0.2) {
                scale = 5;
                r = Math.max(1, (r + 1) / 2);
            }
            rating = r;
        }
        String comment = "";
        if (rating != null && random.nextDouble() < 0.12) {
            boolean good = rating * (scale == 5 ? 2 : 1) >= 7;
            comment = (good ? GOOD : BAD)[random.nextInt(GOOD.length)];
        }
        line.append(o.idPrefix()).append(n).append(',').append(agent.employeeNo()).append(',').append(CHANNELS[c].code()).append(',')
                .append(category).append(',').append(time(created, o)).append(',').append(time(firstResponse, o)).append(',')
                .append(time(resolved, o)).append(',').append(rating == null ? "" : rating.toString()).append(',')
                .append(rating == null ? "" : Integer.toString(scale)).append(',').append(CsvCells.figure(comment)).append('\n');
    }

    /**
     * Replaces the row's line end with a priority (5 % urgent, 12 % high, 8 % low, else normal), an owner (1 in 12
     * contacts handed over to the next agent) and a reopen count (1 in 20 reopened once, 1 in 100 twice).
     */
    private static void caseColumns(long seed, long n, String colleague, String self, StringBuilder line) {
        java.util.SplittableRandom side = new java.util.SplittableRandom(seed * 1_000_003L + n);
        double p = side.nextDouble();
        String priority = p < 0.05 ? "urgent" : p < 0.17 ? "high" : p < 0.25 ? "low" : "";
        String owner = side.nextInt(12) == 0 && !colleague.equals(self) ? colleague : "";
        int r = side.nextInt(100);
        String reopened = r < 1 ? "2" : r < 5 ? "1" : "";
        line.setLength(line.length() - 1);
        line.append(',').append(priority).append(',').append(owner).append(',').append(reopened).append('\n');
    }

    private static String time(Instant t, Options o) {
        if (t == null) {
            return "";
        }
        return o.utcTimes() ? t.toString() : LOCAL.format(t.atZone(o.zone()));
    }

    private static Instant created(Random random, LocalDate day, ZoneId zone) {
        int hour = pick(random, HOURS);
        return day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(zone).toInstant();
    }

    /** An email answer: {@code seconds} of working time (Mon-Fri 09:00-18:00) after {@code from}. */
    private static Instant emailReply(Instant from, double seconds, ZoneId zone) {
        ZonedDateTime t = from.atZone(zone);
        long left = (long) seconds;
        for (int guard = 0; guard < 400; guard++) {
            LocalDate d = t.toLocalDate();
            boolean weekday = d.getDayOfWeek().getValue() <= 5;
            ZonedDateTime open = d.atTime(9, 0).atZone(zone);
            ZonedDateTime close = d.atTime(18, 0).atZone(zone);
            if (!weekday || !t.isBefore(close)) {
                t = d.plusDays(1).atStartOfDay(zone);
                continue;
            }
            if (t.isBefore(open)) {
                t = open;
            }
            long available = close.toEpochSecond() - t.toEpochSecond();
            if (left <= available) {
                return t.plusSeconds(left).toInstant();
            }
            left -= available;
            t = d.plusDays(1).atStartOfDay(zone);
        }
        return t.toInstant();
    }

    private static int channel(Random random, List<String> allowed) {
        double[] w = new double[CHANNELS.length];
        for (int i = 0; i < CHANNELS.length; i++) {
            w[i] = allowed.isEmpty() || allowed.contains(CHANNELS[i].code()) ? CHANNEL_WEIGHTS[i] : 0;
        }
        return pick(random, w);
    }

    private static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static double logNormal(Random random, double median, double sigma) {
        return median * Math.exp(random.nextGaussian() * sigma);
    }

    private static int poisson(Random random, double mean) {
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
