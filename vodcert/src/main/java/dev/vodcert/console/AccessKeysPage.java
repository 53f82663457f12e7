package dev.vodcert.console;

import dev.vodcert.store.AccessKeyStore;
import java.util.ArrayList;
import java.util.List;

/** Every AccessKey: its id, account, whether it is enabled, when it was made, and a link to disable or enable it. Never its secret. */
final class AccessKeysPage {
    private AccessKeysPage() {
    }

    static Html render(List<AccessKeyStore.Row> keys) {
        List<Html> rows = new ArrayList<>();
        for (AccessKeyStore.Row k : keys) {
            rows.add(Html.of("<tr><td class=\"key\">{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td><td>"
                            + "<a class=\"action\" href=\"/console/access-key?id={}&amp;enabled={}\">{}…</a></td></tr>",
                    k.accessKeyId(), k.accountId(), k.enabled() ? "ok" : "alert", k.enabled() ? "enabled" : "disabled",
                    Layout.time(k.createdAt()), Console.query(k.accessKeyId()), !k.enabled(),
                    k.enabled() ? "Disable" : "Enable"));
        }
        return Html.of("<table class=\"list\" id=\"access-keys\"><thead><tr><th>AccessKeyId</th><th>Account</th>"
                + "<th>State</th><th>Made</th><th></th></tr></thead><tbody>{}</tbody></table>", Html.join(rows));
    }
}
