package com.servicecoach.demo;

import com.servicecoach.account.AdminBootstrap;
import com.servicecoach.account.Role;
import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.PasswordHasher;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Demo users, teams and agents, loaded only in the {@code demo} environment and only into a database
 * that has no teams yet. Every demo user's password is the demo password in the README.
 */
@Singleton
@Requires(env = "demo")
@Order(10)
class DemoData implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    static final List<String> TEAMS = List.of("Team A", "Team B", "Team C");
    static final List<String> SUPERVISORS = List.of("sup.li", "sup.chen", "sup.wang");

    /** 42 agents: mostly Chinese names (pinyin emails), some English ones, as in a cross-border shop. */
    static final String[][] AGENTS = {
            {"王芳", "wang.fang"}, {"李娜", "li.na"}, {"张伟", "zhang.wei"}, {"刘洋", "liu.yang"}, {"陈静", "chen.jing"},
            {"杨磊", "yang.lei"}, {"赵敏", "zhao.min"}, {"黄晓明", "huang.xiaoming"}, {"周婷", "zhou.ting"}, {"吴昊", "wu.hao"},
            {"徐丽", "xu.li"}, {"孙强", "sun.qiang"}, {"马超", "ma.chao"}, {"朱琳", "zhu.lin"}, {"胡军", "hu.jun"},
            {"郭佳", "guo.jia"}, {"何雪", "he.xue"}, {"高鹏", "gao.peng"}, {"林梦", "lin.meng"}, {"罗斌", "luo.bin"},
            {"郑欣", "zheng.xin"}, {"梁宇", "liang.yu"}, {"谢楠", "xie.nan"}, {"宋佳怡", "song.jiayi"}, {"唐浩然", "tang.haoran"},
            {"韩雪", "han.xue"}, {"冯晨", "feng.chen"}, {"邓超", "deng.chao"}, {"曹颖", "cao.ying"}, {"彭帅", "peng.shuai"},
            {"Emily Carter", "emily.carter"}, {"James Wilson", "james.wilson"}, {"Sophie Martin", "sophie.martin"},
            {"Daniel Kim", "daniel.kim"}, {"Olivia Brown", "olivia.brown"}, {"Lucas Silva", "lucas.silva"},
            {"Hannah Lee", "hannah.lee"}, {"Michael Tan", "michael.tan"}, {"Grace Wong", "grace.wong"},
            {"Ryan O'Neil", "ryan.oneil"}, {"Chloe Nguyen", "chloe.nguyen"}, {"Ethan Park", "ethan.park"}};

    private final UserRepository users;
    private final TeamRepository teams;
    private final AgentRepository agents;
    private final PasswordHasher hasher;
    private final AdminBootstrap bootstrap;
    private final String password;
    private final com.servicecoach.training.AssignmentService assignments;
    private final DemoTraining training;

    DemoData(UserRepository users, TeamRepository teams, AgentRepository agents, PasswordHasher hasher,
             AdminBootstrap bootstrap, @Value("${servicecoach.demo.password}") String password,
             com.servicecoach.training.AssignmentService assignments, DemoTraining training) {
        this.assignments = assignments;
        this.training = training;
        this.users = users;
        this.teams = teams;
        this.agents = agents;
        this.hasher = hasher;
        this.bootstrap = bootstrap;
        this.password = password;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        bootstrap.ensureAdmin();
        if (teams.count() > 0) {
            return;
        }
        load();
        assignTraining();
        training.load();
        LOG.info("Loaded demo data: {} teams, {} agents; demo users admin, sup.li, sup.chen, sup.wang, hr.zhou, agent.wang",
                TEAMS.size(), AGENTS.length);
    }

    /** Each team gets two modules to do, so queues, the matrix and the reports have something true to show. */
    void assignTraining() {
        java.time.LocalDate today = java.time.LocalDate.now(ZoneOffset.UTC);
        String[][] plan = {{"greeting-attitude", "complaint-handling"}, {"order-status-logistics", "returns-refunds"},
                {"privacy-payment-security", "written-communication"}};
        for (int t = 0; t < TEAMS.size(); t++) {
            com.servicecoach.account.Viewer supervisor = new com.servicecoach.account.Viewer(SUPERVISORS.get(t), Role.SUPERVISOR, null);
            for (int m = 0; m < 2; m++) {
                try {
                    assignments.create(supervisor, new com.servicecoach.training.AssignmentViews.Request(plan[t][m], null, TEAMS.get(t),
                            today.plusDays(m == 0 ? 2 : 21).toString()), java.util.Locale.ENGLISH);
                } catch (RuntimeException e) {
                    LOG.warn("Demo assignment of {} to {} skipped: {}", plan[t][m], TEAMS.get(t), e.getMessage());
                }
            }
        }
    }

    @Transactional
    void load() {
        String hash = hasher.hash(password);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (String s : SUPERVISORS) {
            users.save(new User(null, s, hash, Role.SUPERVISOR, true, null, null, 0, null, now));
        }
        users.save(new User(null, "hr.zhou", hash, Role.HR, true, null, null, 0, null, now));
        Random random = new Random(20260301L);
        String[] channelSets = {"chat", "chat;email", "chat;phone", "email", "chat;social", "phone;email", "chat;email;social"};
        for (int t = 0; t < TEAMS.size(); t++) {
            teams.save(new Team(null, TEAMS.get(t), SUPERVISORS.get(t)));
        }
        List<Team> saved = teams.findAllOrderByName();
        for (int i = 0; i < AGENTS.length; i++) {
            Team team = saved.get(i % saved.size());
            String status = i == 7 || i == 23 ? "on_leave" : i == 41 ? "left" : "active";
            LocalDate hired = LocalDate.of(2021, 1, 4).plusDays(random.nextInt(1700));
            agents.save(new Agent(null, String.format("A%03d", i + 1), AGENTS[i][0], AGENTS[i][1] + "@shop.example", null,
                    team.id(), channelSets[random.nextInt(channelSets.length)], hired, status, now));
        }
        users.save(new User(null, "agent.wang", hash, Role.AGENT, true, "A001", null, 0, null, now));
    }
}
