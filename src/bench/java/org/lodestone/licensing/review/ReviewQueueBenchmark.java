package org.lodestone.licensing.review;

import com.jayway.jsonpath.JsonPath;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.lodestone.Lodestone;
import org.lodestone.bench.BenchClient;
import org.lodestone.bench.BenchDatabases;
import org.lodestone.licensing.clock.ClockReading;
import org.lodestone.licensing.clock.ClockToday;
import org.lodestone.licensing.clock.Pause;
import org.lodestone.licensing.clock.StatutoryClock;
import org.lodestone.support.TestDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Figure for #3: latency (p50/p90/p99/max) of the review queue, {@code GET /api/v1/review/queue}, with 100,000 cases of
 * the demo Jiangxi bureau in the database, against {@code GET /api/v1/me} (the cheapest authenticated call) measured in
 * the same run as the baseline. Starts Lodestone on a random port with a temporary data directory and talks real HTTP
 * as the demo {@code reviewer} (bearer token).
 *
 * <p>Preparation (not timed): {@code N} cases of the bureau and {@code N/10} of a second authority (a Guangdong bureau
 * added for the run, so that the authority criterion has something to exclude) are inserted directly with JDBC batches,
 * each a minimal submitted {@code la_application} row plus its {@code rv_case} row and {@code rv_pause} rows. The
 * spread: 30% closed (APPROVED/REFUSED/WITHDRAWN, submitted evenly over the last 18 months); the open ones SUBMITTED
 * 25%, IN_REVIEW 40%, INFORMATION_REQUESTED 25% (clock paused by an open pause, some with the answer overdue),
 * APPROVAL_PROPOSED 10%, submitted over the same 18 months but skewed to recent days (age = 18 months x u²), so about
 * half of them are past the 45 working days; 20% of the running ones had an earlier, ended pause. The clock columns
 * are computed with the application's own {@link StatutoryClock} the way the review workflow keeps them (running:
 * deadline and working days left as of today; paused: deadline when the pause began, balance at that day). 1 to 3
 * destinations from 30 countries (Zipf-weighted, DE/US/JP/KR first), 1 to 3 elements of Sm, Gd, Tb, Dy, Lu, Sc, Y,
 * Nd, Pr, one of 300 applicant names, assignees among five reviewers ({@code reviewer} among them) with SUBMITTED
 * cases unassigned. Then ANALYZE, as PostgreSQL's autovacuum would after such a load.
 *
 * <p>Timed, from {@code C} client threads, {@code W} warm-up requests then {@code R} measured ones per query, queries
 * one after the other: the baseline {@code GET /api/v1/me}, then the queue by default (deadline order, page 0), page
 * 50, {@code element=Dy}, {@code destination=US}, {@code overdue=true}, {@code maxDaysLeft=5},
 * {@code minAgeDays=30&sort=age}, {@code assignee=me}, {@code q=} a reference without its last two digits, and a
 * combined filter. Every answer must be 200, and the {@code total} of each filter that the seeding can count exactly
 * must equal that count, or the run aborts. A {@code /review} web page, if present, is not measured: this is the API.
 * Meanwhile one open case is updated every 50 ms, as reviewers at work do: on a table that never changes H2 hands back
 * the previous result of an identical query, and the figures would be those of that cache (3 ms instead of 100 ms for
 * the default queue before V9).
 *
 * <p>With the argument {@code explain} the run stops after seeding and prints, for the main filters, the SQL that
 * {@code ReviewStore} sends, the database's {@code EXPLAIN ANALYZE} and five timings over JDBC alone.
 *
 * <p>{@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.lodestone.licensing.review.ReviewQueueBenchmark
 * -Dbench.args="100000"} (arguments: N cases of the bureau, default 100000; R measured requests per query, default
 * 300; W warm-up requests per query, default 50; C client threads, default 2; optionally, as the last argument, a
 * PostgreSQL JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/postgres}, on whose server a fresh database is
 * created for the run and dropped afterwards, user and password from {@code LODESTONE_TEST_POSTGRES_USER}/
 * {@code _PASSWORD} as for the tests; without it the default file H2 is used).
 */
public final class ReviewQueueBenchmark {

    private static final String BUREAU = "Jiangxi Provincial Department of Commerce";
    private static final String OTHER_BUREAU = "Guangdong Provincial Department of Commerce (benchmark)";

    /** ISO 3166 alpha-2, most frequent first (Zipf weights). */
    private static final List<String> COUNTRIES = List.of(
            "DE", "US", "JP", "KR", "FR", "IT", "NL", "GB", "IN", "VN", "TH", "MY", "SG", "ID", "TR", "PL", "CZ", "AT",
            "CH", "SE", "ES", "BE", "MX", "BR", "CA", "AU", "HU", "RO", "PH", "AE");

    private static final List<String> ELEMENTS = List.of("Dy", "Tb", "Nd", "Pr", "Sm", "Gd", "Y", "Lu", "Sc");
    private static final double[] ELEMENT_WEIGHTS = {30, 20, 18, 12, 7, 5, 4, 2, 2};

    /** Usernames of the bureau's reviewers; the demo {@code reviewer} is one of them. */
    private static final List<String> ASSIGNEES =
            List.of("reviewer", "reviewer.xu", "reviewer.he", "reviewer.ma", "reviewer.lin");

    private static final int BATCH = 1000;
    private static final int FIRST_NUMBER = 100_001;

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        @Nullable String postgres = null;
        boolean explain = false;
        for (String a : args) {
            if (a.equals("explain")) {
                explain = true;
            } else if (a.startsWith("jdbc:")) {
                postgres = a;
            } else {
                positional.add(a);
            }
        }
        int n = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 100_000;
        int repeats = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 300;
        int warmup = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 50;
        int clients = positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 2;

        Path dataDir = Files.createTempDirectory("lodestone-queue-bench");
        var properties = new HashMap<String, Object>(Map.of(
                "server.port", "0",
                "lodestone.data-dir", dataDir.toString(),
                "logging.level.root", "WARN"));
        String database = "H2 (file, default)";
        @Nullable String createdDatabase = null;
        if (postgres != null) {
            createdDatabase = "lodestone_bench_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String url = BenchDatabases.create(postgres, createdDatabase);
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", TestDatabases.postgresUser());
            properties.put("spring.datasource.password", TestDatabases.postgresPassword());
            database = "PostgreSQL " + url;
        }
        var app = new SpringApplication(Lodestone.class);
        app.setDefaultProperties(properties);
        try (ConfigurableApplicationContext context = app.run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var client = new Client(
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build(),
                    "http://127.0.0.1:" + port);

            // ---- preparation, not timed
            long prepStart = System.nanoTime();
            var seeder = new Seeder(
                    context.getBean(DataSource.class),
                    context.getBean(StatutoryClock.class),
                    context.getBean(ClockToday.class).today());
            Seeded seeded = seeder.seed(n, n / 10);
            double prepSeconds = (System.nanoTime() - prepStart) / 1e9;
            if (explain) {
                explain(context.getBean(DataSource.class), seeded);
                return;
            }
            client.login("reviewer", "demo");

            String fragment = seeded.referenceFragment();
            var queries = new LinkedHashMap<String, Query>();
            queries.put("default (deadline, page 0)", new Query("", seeded.open()));
            queries.put("page=50", new Query("page=50", seeded.open()));
            queries.put("element=Dy", new Query("element=Dy", seeded.dy()));
            queries.put("destination=US", new Query("destination=US", seeded.us()));
            queries.put("overdue=true", new Query("overdue=true", seeded.overdue()));
            queries.put("maxDaysLeft=5", new Query("maxDaysLeft=5", seeded.fiveDaysLeft()));
            queries.put("minAgeDays=30&sort=age", new Query("minAgeDays=30&sort=age", seeded.older30()));
            queries.put("assignee=me", new Query("assignee=me", seeded.mine()));
            queries.put("q=" + fragment, new Query("q=" + fragment, seeded.fragmentMatches()));
            queries.put(
                    "combined",
                    new Query("state=IN_REVIEW&element=Dy&destination=DE&minAgeDays=30&sort=age", seeded.combined()));

            // ---- correctness of every query first (and a general warm-up of the JIT)
            var totals = new LinkedHashMap<String, Long>();
            for (var e : queries.entrySet()) {
                long total = ((Number) JsonPath.read(
                                client.expect(client.get(e.getValue().path()), 200), "$.total"))
                        .longValue();
                if (e.getValue().expected() >= 0 && total != e.getValue().expected()) {
                    throw new IllegalStateException(e.getKey() + ": total " + total + ", but "
                            + e.getValue().expected() + " seeded cases match; the figures would be void");
                }
                totals.put(e.getKey(), total);
            }
            for (int i = 0; i < 200; i++) {
                for (Query q : queries.values()) {
                    client.expect(client.get(q.path()), 200);
                }
                client.expect(client.get("/api/v1/me"), 200);
            }

            // ---- timed, while reviewers act on cases
            var activity = new Activity(context.getBean(DataSource.class), seeded.openIds());
            Thread writer = Thread.ofPlatform().daemon().name("bench-activity").start(activity);
            Run me = run(client, "/api/v1/me", "\"username\":\"reviewer\"", repeats, warmup, clients);
            var runs = new LinkedHashMap<String, Run>();
            var all = new Histogram(3);
            for (var e : queries.entrySet()) {
                Run r = run(client, e.getValue().path(), "\"total\":", repeats, warmup, clients);
                runs.put(e.getKey(), r);
                all.add(r.latency());
            }
            writer.interrupt();
            writer.join();
            if (activity.failure != null) {
                throw new IllegalStateException("the background activity failed", activity.failure);
            }

            var out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    """

                    ReviewQueueBenchmark (#3): GET /api/v1/review/queue as the demo reviewer over HTTP, %d client threads,
                    %d measured requests per query after %d warm-up
                      machine      %d cores (load average %.1f), JDK %s (%s), max heap %d MiB; database %s
                      preparation  %d cases of the bureau (%d open, %d paused, %d overdue today) + %d of another
                                   authority, %d pauses, seeded with JDBC in %.1f s, not timed
                      activity     one case updated every %d ms during the measurement (%d updates)
                    %-44s %8s %8s %8s %8s %8s %10s
                    """,
                    clients,
                    repeats,
                    warmup,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.version(),
                    System.getProperty("java.vm.name"),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    database,
                    n,
                    seeded.open(),
                    seeded.paused(),
                    seeded.overdue(),
                    n / 10,
                    seeded.pauses(),
                    prepSeconds,
                    Activity.EVERY_MILLIS,
                    activity.updates,
                    "  request (ms)",
                    "total",
                    "p50",
                    "p90",
                    "p99",
                    "max",
                    "p99/me"));
            out.append(me.line("GET /api/v1/me (baseline)", -1, me));
            for (var e : runs.entrySet()) {
                out.append(e.getValue().line("queue " + e.getKey(), totals.get(e.getKey()), me));
            }
            var overall = new Run(all, 0);
            out.append(overall.line("queue, all queries above", -1, me));
            System.out.println(out);
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            if (createdDatabase != null) {
                BenchDatabases.drop(postgres, createdDatabase);
            }
        }
    }

    /** The SQL of the queue as ReviewStore builds it, with the database's plan and its time over JDBC alone. */
    private static void explain(DataSource dataSource, Seeded seeded) throws SQLException {
        String deadline = " ORDER BY authority, is_open, clock_paused, clock_deadline, clock_balance, submitted_at,"
                + " reference OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY";
        String age = " ORDER BY authority, is_open, submitted_at, reference OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY";
        String base = "FROM rv_case WHERE authority = ? AND is_open = TRUE";
        String text = " AND (UPPER(reference) LIKE '%" + seeded.referenceFragment() + "%' OR UPPER(applicant_name)"
                + " LIKE '%" + seeded.referenceFragment() + "%')";
        var filters = new LinkedHashMap<String, String[]>();
        filters.put("default", new String[] {"", deadline});
        filters.put("element=Dy", new String[] {" AND elements LIKE '% Dy %'", deadline});
        filters.put("destination=US", new String[] {" AND destinations LIKE '% US %'", deadline});
        filters.put("minAgeDays=30&sort=age", new String[] {" AND submitted_on <= CURRENT_DATE - 30", age});
        filters.put("q", new String[] {text, deadline});
        try (Connection c = dataSource.getConnection()) {
            UUID bureau = Seeder.organisation(c, BUREAU);
            for (var f : filters.entrySet()) {
                explain(c, bureau, f.getKey(), "SELECT * " + base + f.getValue()[0] + f.getValue()[1]);
                explain(c, bureau, f.getKey(), "SELECT COUNT(*) " + base + f.getValue()[0]);
            }
        }
    }

    private static void explain(Connection c, UUID bureau, String name, String sql) throws SQLException {
        var plan = new StringBuilder();
        try (var s = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            s.setObject(1, bureau);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        var times = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            // a change to the table, so that H2 cannot hand back the previous result
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE rv_case SET updated_at = updated_at WHERE reference = 'LA-0000-000000'");
            }
            long begin = System.nanoTime();
            try (var s = c.prepareStatement(sql)) {
                s.setObject(1, bureau);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
            times.append(String.format(Locale.ROOT, " %.1f", (System.nanoTime() - begin) / 1e6));
        }
        String shortPlan = plan.toString().replaceAll("(?s)SELECT\\s+\"public\".*?FROM", "SELECT ... FROM");
        System.out.println("\n---- " + name + ": ms" + times + "\n" + sql + "\n" + shortPlan);
    }

    /**
     * Touches one open case every {@link #EVERY_MILLIS} ms, as reviewers acting on the queue do. Without it the table
     * would never change, and H2 hands back the previous result of an identical query on an unchanged table: the
     * figures would be those of a cache.
     */
    private static final class Activity implements Runnable {
        static final int EVERY_MILLIS = 50;
        private final DataSource dataSource;
        private final List<UUID> ids;
        volatile long updates;
        volatile @Nullable Exception failure;

        Activity(DataSource dataSource, List<UUID> ids) {
            this.dataSource = dataSource;
            this.ids = ids;
        }

        @Override
        public void run() {
            var random = new Random(7);
            try (Connection c = dataSource.getConnection();
                    var s = c.prepareStatement("UPDATE rv_case SET updated_at = ? WHERE application_id = ?")) {
                c.setAutoCommit(true);
                while (!Thread.currentThread().isInterrupted()) {
                    s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                    s.setObject(2, ids.get(random.nextInt(ids.size())));
                    s.executeUpdate();
                    updates++;
                    Thread.sleep(EVERY_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure = e;
            }
        }
    }

    record Query(String query, long expected) {
        String path() {
            return "/api/v1/review/queue" + (query.isEmpty() ? "" : "?" + query);
        }
    }

    // ---- seeding

    /** What was seeded for the bureau, counted so that the queue's totals can be checked. */
    record Seeded(
            long open,
            long paused,
            long overdue,
            long pauses,
            long dy,
            long us,
            long older30,
            long mine,
            long combined,
            long fiveDaysLeft,
            String referenceFragment,
            long fragmentMatches,
            List<UUID> openIds) {}

    private static final class Seeder {
        private final DataSource dataSource;
        private final StatutoryClock clock;
        private final LocalDate today;
        private final Random random = new Random(20_260_315L);
        private final List<String> applicants = new ArrayList<>();
        private final List<UUID> applicantOrgs = new ArrayList<>();
        private final double[] countryWeights = new double[COUNTRIES.size()];

        Seeder(DataSource dataSource, StatutoryClock clock, LocalDate today) {
            this.dataSource = dataSource;
            this.clock = clock;
            this.today = today;
            String[] cities = {
                "Ganzhou",
                "Nanchang",
                "Jiujiang",
                "Ji'an",
                "Yichun",
                "Shangrao",
                "Pingxiang",
                "Xinyu",
                "Fuzhou",
                "Jingdezhen"
            };
            String[] trades = {
                "Rare Earth",
                "Magnetics",
                "New Materials",
                "Permanent Magnet",
                "Metals",
                "Alloys",
                "Advanced Materials",
                "Rare Metals",
                "Magnet Technology",
                "Functional Materials"
            };
            String[] forms = {"Co., Ltd.", "Group Co., Ltd.", "Industrial Co., Ltd."};
            for (int i = 0; i < 300; i++) {
                applicants.add(cities[i % cities.length] + " " + trades[(i / cities.length) % trades.length] + " "
                        + forms[i / (cities.length * trades.length)]);
                applicantOrgs.add(UUID.randomUUID());
            }
            for (int i = 0; i < countryWeights.length; i++) {
                countryWeights[i] = 1.0 / (i + 1);
            }
        }

        Seeded seed(int bureauCases, int otherCases) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                UUID bureau = organisation(c, BUREAU);
                UUID other = UUID.randomUUID();
                try (var s = c.prepareStatement("""
                        INSERT INTO organisation (id, name, kind, country, region, jurisdiction, created_at)
                        VALUES (?, ?, 'AUTHORITY', 'CN', 'CN-GD', 'CN-GD', ?)""")) {
                    s.setObject(1, other);
                    s.setString(2, OTHER_BUREAU);
                    s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    s.executeUpdate();
                }
                c.commit();
                var counts = new long[10];
                var fragmentSource = new String[1];
                var references = new ArrayList<String>();
                var openIds = new ArrayList<UUID>();
                insert(c, bureau, "CN-JX", 0, bureauCases, counts, references, openIds);
                insert(c, other, "CN-GD", bureauCases, otherCases, new long[10], new ArrayList<>(), new ArrayList<>());
                // A reference of an open bureau case without its last two digits: matches up to 100 references.
                fragmentSource[0] = references.get(references.size() / 2);
                String fragment = fragmentSource[0].substring(0, fragmentSource[0].length() - 2);
                long fragmentMatches =
                        references.stream().filter(r -> r.contains(fragment)).count();
                try (var s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
                c.commit();
                return new Seeded(
                        counts[0],
                        counts[1],
                        counts[2],
                        counts[3],
                        counts[4],
                        counts[5],
                        counts[6],
                        counts[7],
                        counts[8],
                        counts[9],
                        fragment,
                        fragmentMatches,
                        openIds);
            }
        }

        private static UUID organisation(Connection c, String name) throws SQLException {
            try (var s = c.prepareStatement("SELECT id FROM organisation WHERE name = ? AND kind = 'AUTHORITY'")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no demo authority " + name);
                    }
                    return rs.getObject(1, UUID.class);
                }
            }
        }

        /**
         * Inserts {@code count} cases of {@code authority}; for the open ones, counts into {@code counts}: open,
         * paused, overdue, pauses, Dy, US, submitted 30+ days ago, assigned to reviewer, the combined filter, at most 5
         * working days left; collects
         * their references.
         */
        private void insert(
                Connection c,
                UUID authority,
                String region,
                int first,
                int count,
                long[] counts,
                List<String> openReferences,
                List<UUID> openIds)
                throws SQLException {
            try (PreparedStatement application = c.prepareStatement("""
                            INSERT INTO la_application (id, reference, state, applicant_org, applicant_name,
                                applicant_country, applicant_region, competent_authority, decl_accuracy, decl_end_use,
                                decl_no_reexport, revision, version, created_by, created_at, updated_at, submitted_at)
                            VALUES (?, ?, ?, ?, ?, 'CN', ?, ?, TRUE, TRUE, TRUE, 1, 1, 'bench', ?, ?, ?)""");
                    PreparedStatement reviewCase = c.prepareStatement("""
                            INSERT INTO rv_case (application_id, authority, reference, applicant_name, state, is_open,
                                destinations, elements, submitted_at, submitted_on, assignee, assignee_name,
                                assigned_at, clock_started_on, clock_paused, clock_deadline, clock_balance,
                                clock_stopped_on, information_due_on, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement pause = c.prepareStatement("""
                            INSERT INTO rv_pause (application_id, cause, cause_id, started_on, ended_on)
                            VALUES (?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < count; i++) {
                    Case k = next(first + i);
                    int a = 1;
                    application.setObject(a++, k.id);
                    application.setString(a++, k.reference);
                    application.setString(a++, k.state);
                    application.setObject(a++, applicantOrgs.get(k.applicant));
                    application.setString(a++, applicants.get(k.applicant));
                    application.setString(a++, region);
                    application.setObject(a++, authority);
                    application.setObject(a++, k.submittedAt.minusDays(3));
                    application.setObject(a++, k.updatedAt);
                    application.setObject(a, k.submittedAt);
                    application.addBatch();

                    a = 1;
                    reviewCase.setObject(a++, k.id);
                    reviewCase.setObject(a++, authority);
                    reviewCase.setString(a++, k.reference);
                    reviewCase.setString(a++, applicants.get(k.applicant));
                    reviewCase.setString(a++, k.state);
                    reviewCase.setBoolean(a++, k.open);
                    reviewCase.setString(a++, " " + String.join(" ", k.destinations) + " ");
                    reviewCase.setString(a++, " " + String.join(" ", k.elements) + " ");
                    reviewCase.setObject(a++, k.submittedAt);
                    reviewCase.setObject(a++, k.submittedOn);
                    reviewCase.setString(a++, k.assignee);
                    reviewCase.setString(a++, k.assignee == null ? null : "Reviewer " + k.assignee);
                    reviewCase.setObject(a++, k.assignee == null ? null : k.submittedAt.plusDays(1));
                    reviewCase.setObject(a++, k.submittedOn);
                    reviewCase.setBoolean(a++, k.paused);
                    reviewCase.setObject(a++, k.deadline);
                    reviewCase.setInt(a++, k.balance);
                    reviewCase.setObject(a++, k.stoppedOn);
                    reviewCase.setObject(a++, k.informationDueOn);
                    reviewCase.setObject(a, k.updatedAt);
                    reviewCase.addBatch();

                    for (Pause p : k.pauses) {
                        pause.setObject(1, k.id);
                        pause.setString(2, "INFORMATION_REQUEST");
                        pause.setObject(3, UUID.randomUUID());
                        pause.setObject(4, p.requestedOn());
                        pause.setObject(5, p.answeredOn());
                        pause.addBatch();
                    }

                    if (k.open) {
                        openReferences.add(k.reference);
                        openIds.add(k.id);
                        counts[0]++;
                        counts[1] += k.paused ? 1 : 0;
                        counts[2] += k.overdue ? 1 : 0;
                        counts[4] += k.elements.contains("Dy") ? 1 : 0;
                        counts[5] += k.destinations.contains("US") ? 1 : 0;
                        boolean older30 = !k.submittedOn.isAfter(today.minusDays(30));
                        counts[6] += older30 ? 1 : 0;
                        counts[7] += "reviewer".equals(k.assignee) ? 1 : 0;
                        counts[8] += k.state.equals("IN_REVIEW")
                                        && k.elements.contains("Dy")
                                        && k.destinations.contains("DE")
                                        && older30
                                ? 1
                                : 0;
                        counts[9] += k.balance <= 5 ? 1 : 0;
                    }
                    counts[3] += k.pauses.size();
                    if ((i + 1) % BATCH == 0 || i == count - 1) {
                        application.executeBatch();
                        reviewCase.executeBatch();
                        pause.executeBatch();
                        c.commit();
                    }
                }
            }
        }

        private static final class Case {
            UUID id = UUID.randomUUID();
            String reference = "";
            String state = "";
            boolean open;
            int applicant;
            List<String> destinations = List.of();
            List<String> elements = List.of();
            LocalDate submittedOn = LocalDate.EPOCH;
            OffsetDateTime submittedAt = OffsetDateTime.MIN;
            OffsetDateTime updatedAt = OffsetDateTime.MIN;

            @Nullable
            String assignee;

            List<Pause> pauses = new ArrayList<>();
            boolean paused;
            boolean overdue;
            LocalDate deadline = LocalDate.EPOCH;
            int balance;

            @Nullable
            LocalDate stoppedOn;

            @Nullable
            LocalDate informationDueOn;
        }

        private Case next(int index) {
            var k = new Case();
            k.open = random.nextDouble() >= 0.30;
            int span = 547; // 18 months
            double u = random.nextDouble();
            int age = k.open ? (int) (span * u * u) : (int) (span * u);
            k.submittedOn = today.minusDays(age);
            k.submittedAt = OffsetDateTime.of(
                    k.submittedOn,
                    LocalTime.of(1, 0).plusSeconds(random.nextInt(9 * 3600)),
                    ZoneOffset.UTC); // 09:00 to 18:00 in Shanghai
            k.reference = String.format(
                    Locale.ROOT, "LA-%d-%06d", k.submittedOn.minusDays(3).getYear(), FIRST_NUMBER + index);
            k.applicant = (int) Math.min(299, 300 * Math.pow(random.nextDouble(), 2)); // a few large exporters
            k.destinations = pick(
                    COUNTRIES,
                    countryWeights,
                    1 + (random.nextDouble() < 0.3 ? 1 : 0) + (random.nextDouble() < 0.1 ? 1 : 0));
            k.elements = pick(ELEMENTS, ELEMENT_WEIGHTS, 1 + random.nextInt(3));
            LocalDate started = k.submittedOn;
            if (k.open) {
                double s = random.nextDouble();
                k.state = s < 0.25
                        ? "SUBMITTED"
                        : s < 0.65 ? "IN_REVIEW" : s < 0.90 ? "INFORMATION_REQUESTED" : "APPROVAL_PROPOSED";
                k.assignee = k.state.equals("SUBMITTED") ? null : ASSIGNEES.get(random.nextInt(ASSIGNEES.size()));
                if (k.state.equals("INFORMATION_REQUESTED")) {
                    // the clock stopped the day the request went out; the answer is due 30 days later
                    LocalDate from = started.plusDays(1 + (long) (random.nextDouble() * Math.max(0, age - 1)));
                    if (from.isAfter(today)) {
                        from = today;
                    }
                    ClockReading before = clock.read(started, List.of(), from);
                    k.pauses.add(new Pause(from, null));
                    ClockReading at = clock.read(started, k.pauses, from);
                    k.paused = true;
                    k.deadline = before.deadline();
                    k.balance = at.limit() - at.daysUsed();
                    k.informationDueOn = from.plusDays(30);
                    k.overdue = k.balance < 0;
                } else {
                    if (!k.state.equals("SUBMITTED") && age > 20 && random.nextDouble() < 0.2) {
                        LocalDate from = started.plusDays(1 + random.nextInt(age - 15));
                        LocalDate until = from.plusDays(3 + random.nextInt(12));
                        k.pauses.add(new Pause(from, until));
                    }
                    ClockReading r = clock.read(started, k.pauses, today);
                    k.deadline = r.deadline();
                    k.balance = r.limit() - r.daysUsed();
                    k.overdue = r.overdue();
                }
                k.updatedAt = k.submittedAt.plusDays(Math.min(age, 2));
            } else {
                double s = random.nextDouble();
                k.state = s < 0.60 ? "APPROVED" : s < 0.85 ? "REFUSED" : "WITHDRAWN";
                k.assignee = ASSIGNEES.get(random.nextInt(ASSIGNEES.size()));
                LocalDate stopped = started.plusDays(20 + random.nextInt(60));
                k.stoppedOn = stopped.isAfter(today) ? today : stopped;
                ClockReading r = clock.read(started, List.of(), k.stoppedOn);
                k.deadline = r.deadline();
                k.balance = r.limit() - r.daysUsed();
                k.updatedAt = OffsetDateTime.of(k.stoppedOn, LocalTime.of(3, 0), ZoneOffset.UTC);
            }
            return k;
        }

        /** {@code count} distinct values drawn by weight. */
        private List<String> pick(List<String> values, double[] weights, int count) {
            var chosen = new ArrayList<String>(count);
            while (chosen.size() < count) {
                double total = 0;
                for (int i = 0; i < weights.length; i++) {
                    total += chosen.contains(values.get(i)) ? 0 : weights[i];
                }
                double x = random.nextDouble() * total;
                for (int i = 0; i < weights.length; i++) {
                    if (chosen.contains(values.get(i))) {
                        continue;
                    }
                    x -= weights[i];
                    if (x <= 0 || i == weights.length - 1) {
                        chosen.add(values.get(i));
                        break;
                    }
                }
            }
            return chosen;
        }
    }

    // ---- timing

    private static Run run(Client client, String path, String mustContain, int repeats, int warmup, int clients)
            throws Exception {
        pass(client, path, mustContain, warmup, clients);
        long start = System.nanoTime();
        Histogram h = pass(client, path, mustContain, repeats, clients);
        return new Run(h, System.nanoTime() - start);
    }

    private static Histogram pass(Client client, String path, String mustContain, int count, int clients)
            throws Exception {
        var next = new AtomicInteger();
        var all = new Histogram(3);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            var futures = new ArrayList<Future<Histogram>>();
            for (int t = 0; t < clients; t++) {
                futures.add(pool.submit(() -> {
                    var histogram = new Histogram(3);
                    while (next.getAndIncrement() < count) {
                        long begin = System.nanoTime();
                        HttpResponse<String> r = client.get(path);
                        histogram.recordValue(System.nanoTime() - begin);
                        if (r.statusCode() != 200 || !r.body().contains(mustContain)) {
                            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
                        }
                    }
                    return histogram;
                }));
            }
            for (Future<Histogram> f : futures) {
                all.add(f.get());
            }
        }
        return all;
    }

    record Run(Histogram latency, long wallNanos) {

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }

        String line(String name, long total, Run baseline) {
            return String.format(
                    Locale.ROOT,
                    "  %-42s %8s %8.2f %8.2f %8.2f %8.2f %9.1fx%n",
                    name,
                    total < 0 ? "" : Long.toString(total),
                    millis(50),
                    millis(90),
                    millis(99),
                    latency.getMaxValue() / 1e6,
                    millis(99) / baseline.millis(99));
        }
    }

    // ---- HTTP as the reviewer

    static final class Client extends BenchClient {
        Client(HttpClient http, String base) {
            super(http, base);
        }
    }

    private ReviewQueueBenchmark() {}
}
