package dev.palisade.cli.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * One request {@code palisade demo} sends through the proxy.
 *
 * @param workload which seed workload's proxy receives it ({@code productpage} or {@code www})
 * @param method the request method
 * @param target the request-target, sent byte for byte (no client normalizes it)
 * @param body a form-encoded body, or {@code null}
 * @param note a line printed under the request's line, or {@code null}
 */
public record DemoScenario(String workload, String method, String target, String body, String note) {

    public static final String PRODUCTPAGE = "productpage";
    public static final String WWW = "www";

    /** What nmap's http-enum script asks a web server for, then the bypass attempts it does not. */
    private static final List<String> WWW_ENUMERATION = List.of("/", "/robots.txt", "/login.php", "/phpinfo.php",
            "/.git/HEAD", "/passwords/", "/README", "/admin/", "/backup.zip", "/server-status", "/wp-login.php",
            "/ROBOTS.txt", "/./passwords/", "//passwords", "/%2e%2e/passwords", "/robots.txt/..;/passwords");

    /** The seed scenarios: the bookinfo product page, then an enumeration of www, a login and the login bypass. */
    public static List<DemoScenario> seed() {
        List<DemoScenario> scenarios = new ArrayList<>();
        scenarios.add(new DemoScenario(PRODUCTPAGE, "OPTIONS", "/productpage", null, null));
        scenarios.add(new DemoScenario(PRODUCTPAGE, "GET", "/productpage", null, null));
        for (String target : WWW_ENUMERATION) {
            scenarios.add(new DemoScenario(WWW, "GET", target, null, null));
        }
        scenarios.add(new DemoScenario(WWW, "POST", "/login.php", "username=alice&password=correct+horse",
                "body username=alice&password=correct+horse: a login, which ALP allows and the WAF lets through"));
        scenarios.add(new DemoScenario(WWW, "POST", "/login.php", "username=%27+or+5%3D5--+&password=x",
                "body username=' or 5=5-- &password=x: ALP allows the path, the Core Rule Set blocks the SQL injection"));
        return List.copyOf(scenarios);
    }
}
