package com.bigbox.app.dashboard;

import static com.bigbox.app.dashboard.DashboardCluster.ACME;
import static com.bigbox.app.dashboard.DashboardCluster.CEO;
import static com.bigbox.app.dashboard.DashboardCluster.EMPLOYEE;
import static com.bigbox.app.dashboard.DashboardCluster.PASSWORD;
import static com.bigbox.app.dashboard.DashboardCluster.SECOND_EMPLOYEE;
import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser (headless Chromium) against two engine instances sharing one database:
 * sign-in, the live event stream, the approval queue across two sessions on two instances, the client
 * portal's isolation, and a screenshot of every page (target/screenshots).
 */
class DashboardIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static DashboardCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = DashboardCluster.start(db, 2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheRolesHome() throws IOException {
        try (var browser = new Browser(cluster.url(0))) {
            browser.open("");
            WebElement form = browser.waitFor(By.id("signin-form"));
            browser.screenshot("signin");
            form.findElement(By.name("email")).sendKeys(CEO);
            form.findElement(By.name("password")).sendKeys("not-the-password");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.waitFor(By.cssSelector("#signin-error .notice.error"))
                            .getText())
                    .contains("Invalid login credentials");
            assertThat(browser.session()).isNull();

            browser.signIn(CEO, PASSWORD);
            assertThat(browser.waitFor(By.id("signed-in-as")).getText()).contains(CEO, "ceo");
            assertThat(browser.waitFor(By.cssSelector("#page h1")).getText()).isEqualTo("Overview");
            assertThat(browser.driver.findElements(By.cssSelector("#nav a")))
                    .extracting(WebElement::getText)
                    .contains("Overview", "Events", "Approvals", "SQL")
                    .doesNotContain("My work", "My account");

            browser.driver.findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("signin-form"));
            assertThat(browser.session()).isNull();
        }
    }

    @Test
    void anEventInsertedWithPsqlAppearsOnTheStreamWithoutAReload() throws Exception {
        try (var browser = new Browser(cluster.url(1))) {
            browser.signIn(EMPLOYEE, PASSWORD);
            browser.go("#/events");
            browser.waitUntil(
                    "stream live",
                    d -> d.findElement(By.id("stream-status")).getText().equals("live"));
            browser.markDocument();

            psql("insert into events (event_type, aggregate_type, aggregate_id, payload, emitted_by) "
                    + "values ('LEAD_RECEIVED', 'LEAD', 'lead-from-psql', '{\"client_id\": \"acme\"}', 'psql')");

            browser.waitUntil(
                    "the psql event on the page",
                    d -> d.findElement(By.id("event-rows")).getText().contains("LEAD/lead-from-psql"));
            assertThat(browser.sameDocument()).as("no reload").isTrue();
            WebElement first = browser.driver.findElement(By.cssSelector("#event-rows tr.event"));
            assertThat(first.getText()).contains("LEAD_RECEIVED", "lead-from-psql", "psql");
        }
    }

    @Test
    void anApprovalDecidedInOneSessionLeavesTheQueueOfAnotherOnAnotherInstance() throws IOException {
        try (var deciding = new Browser(cluster.url(0));
                var watching = new Browser(cluster.url(1))) {
            deciding.signIn(EMPLOYEE, PASSWORD);
            watching.signIn(SECOND_EMPLOYEE, PASSWORD);
            for (Browser b : List.of(deciding, watching)) {
                b.go("#/approvals");
                b.waitUntil(
                        "queue live",
                        d -> d.findElement(By.id("queue-status")).getText().equals("live"));
            }
            String action = "Issue the Acme deposit invoice of $24,000";
            By item = By.xpath("//li[contains(@class,'approval')][.//button[normalize-space()='" + action + "']]");
            watching.waitFor(item);
            watching.markDocument();

            WebElement mine = deciding.waitFor(item);
            mine.findElement(By.name("notes")).sendKeys("deposit agreed on the call");
            mine.findElement(By.cssSelector("button.approve")).click();

            deciding.waitUntil(
                    "gone from the deciding session", d -> d.findElements(item).isEmpty());
            watching.waitUntil(
                    "gone from the other session, live",
                    d -> d.findElements(item).isEmpty());
            assertThat(watching.sameDocument()).as("no reload").isTrue();
            watching.waitUntil(
                    "listed as decided",
                    d -> d.findElement(By.id("approvals-decided")).getText().contains(action));
            assertThat(watching.driver.findElement(By.id("approvals-decided")).getText())
                    .contains("approved", EMPLOYEE);
        }
    }

    @Test
    void aClientUserSeesOnlyItsOwnClientsData() throws Exception {
        try (var browser = new Browser(cluster.url(0))) {
            browser.signIn(ACME, PASSWORD);
            assertThat(browser.waitFor(By.cssSelector("#page h1")).getText()).isEqualTo("Your account");
            browser.waitUntil(
                    "projects", d -> d.findElement(By.id("page")).getText().contains("Acme brand refresh"));
            // Issue 11: "My account" asked for the trust score of a route a client may not call (a 404 in the console).
            browser.assertNoErrorsShown("my account");
            String mirror = browser.driver.findElement(By.id("page")).getText();
            assertThat(mirror)
                    .contains("invoice-acme-1", "deposit due in three days")
                    .doesNotContainIgnoringCase("globex");
            browser.screenshot("client-mirror");

            browser.go("#/events");
            browser.waitUntil(
                    "rows",
                    d -> !d.findElements(By.cssSelector("#event-rows tr.event")).isEmpty());
            assertThat(browser.driver.findElement(By.id("event-rows")).getText())
                    .contains("lead-acme")
                    .doesNotContainIgnoringCase("globex");

            // Issue 11: the Tables page asked for every table's count, the ones a client may not read too (403s).
            browser.go("#/tables");
            browser.waitFor(By.cssSelector("#page h1"));
            browser.assertNoErrorsShown("tables");
            browser.go("#/tables/events");
            String count = browser.waitFor(By.id("table-count")).getText();
            assertThat(browser.driver.findElement(By.id("table-rows")).getText())
                    .doesNotContainIgnoringCase("globex");
            assertThat(count).startsWith(acmeEvents() + " rows");
            browser.go("#/tables/client_health");
            browser.waitUntil(
                    "client health rows",
                    d -> d.findElement(By.id("table-count")).getText().startsWith("1 rows"));
            assertThat(browser.driver.findElement(By.id("table-rows")).getText())
                    .contains("acme")
                    .doesNotContain("globex", "initech");

            assertThat(browser.driver.findElements(By.cssSelector("#nav a")))
                    .extracting(WebElement::getText)
                    .containsExactly("My account", "Events", "Tables", "API");
            browser.open("#/approvals");
            assertThat(browser.waitFor(By.cssSelector("#page .notice.error")).getText())
                    .contains("not available to the client role");
        }
    }

    @Test
    void everyPageRendersWithoutErrors() throws IOException {
        var pages = List.of(
                "overview",
                "events",
                "approvals",
                "sops",
                "agents",
                "clients",
                "chaos",
                "system",
                "tables",
                "tables/events",
                "docs/rest",
                "docs/engine",
                "sql",
                "correlation/a0000000-0000-4000-8000-000000000001",
                "aggregate/LEAD/lead-acme");
        try (var ceo = new Browser(cluster.url(0));
                var employee = new Browser(cluster.url(1))) {
            ceo.signIn(CEO, PASSWORD);
            for (String page : pages) {
                ceo.go("#/" + page);
                ceo.screenshot("ceo-" + page.replace('/', '-'));
                ceo.assertNoErrorsShown(page);
            }
            employee.signIn(EMPLOYEE, PASSWORD);
            employee.waitFor(By.cssSelector("#page h1"));
            employee.screenshot("employee-work");
            employee.assertNoErrorsShown("work");
        }
        assertThat(Files.list(Browser.SCREENSHOTS).count()).isGreaterThanOrEqualTo(pages.size() + 1);
    }

    private static long acmeEvents() throws Exception {
        try (var c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from events where payload ->> 'client_id' = 'acme'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // The psql command line, as a person inserting an event by hand would use it.
    private static void psql(String sql) throws Exception {
        var process = new ProcessBuilder("psql", db.databaseUrl(), "-v", "ON_ERROR_STOP=1", "-c", sql)
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(new String(process.getInputStream().readAllBytes()))
                .isZero();
    }
}
