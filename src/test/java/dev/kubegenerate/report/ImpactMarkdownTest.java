package dev.kubegenerate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.ObjectImpact.Change;
import dev.kubegenerate.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The impact as a pull-request body: verdict, table, collapsed fields, within GitHub's limit. */
class ImpactMarkdownTest {

  static ObjectImpact impact(
      String cluster, String kind, String name, Change change, boolean restarts, String... fields) {
    return new ObjectImpact(
        cluster,
        ManifestPath.of("kubernetes/" + cluster + "/" + name + ".yaml"),
        kind,
        Optional.of("shop"),
        name,
        change,
        change == Change.UPDATED ? List.of(fields) : List.of(),
        restarts,
        List.of(),
        false,
        false);
  }

  @Test
  void render_verdictFirst_thenTableAndCollapsedFields() {
    String md =
        ImpactMarkdown.render(
            List.of(
                impact(
                    "production",
                    "Deployment",
                    "shop-web",
                    Change.UPDATED,
                    true,
                    "/spec/template/spec/containers/0/image"),
                impact(
                    "staging",
                    "Deployment",
                    "shop-web",
                    Change.UPDATED,
                    true,
                    "/spec/template/spec/containers/0/image"),
                impact(
                    "staging", "ConfigMap", "shop-settings", Change.UPDATED, false, "/data/MODE")),
            List.of());
    assertTrue(
        md.startsWith(
            "### kube-generate: what this regeneration changes\n\n3 objects change in 2 clusters;"
                + " pods of shop-web restart; nothing is deleted; nothing immutable.\n\n"),
        md);
    String html = Html.of(md);
    assertEquals(
        List.of(
            List.of("Cluster", "Object", "Change", "Pods restart", "Immutable fields"),
            List.of("production", "Deployment shop/shop-web", "updated", "yes", ""),
            List.of("staging", "Deployment shop/shop-web", "updated", "yes", ""),
            List.of("staging", "ConfigMap shop/shop-settings", "updated", "", "")),
        StepSummaryTest.rows(html));
    assertTrue(html.contains("<details><summary>Changed fields</summary>\n"), html);
    assertTrue(html.contains("<pre><code>/data/MODE\n</code></pre>"), html);
  }

  @Test
  void verdict_deletionsRefusalsCapacityNextRun_andNothing() {
    ObjectImpact refused =
        new ObjectImpact(
            "production",
            ManifestPath.of("k/production/d.yaml"),
            "Deployment",
            Optional.empty(),
            "api",
            Change.UPDATED,
            List.of("/spec/selector/matchLabels/track", "/spec/replicas"),
            false,
            List.of("/spec/selector/matchLabels/track"),
            true,
            false);
    ObjectImpact cron =
        new ObjectImpact(
            "production",
            ManifestPath.of("k/production/c.yaml"),
            "CronJob",
            Optional.empty(),
            "report",
            Change.UPDATED,
            List.of("/spec/jobTemplate/spec/template/spec/containers/0/image"),
            false,
            List.of(),
            false,
            true);
    assertEquals(
        "4 objects change in 1 cluster; no pods restart; capacity changes for api; the next run of"
            + " report changes; 2 objects are deleted; 1 object changes immutable fields: applying"
            + " fails until it is deleted and re-created.",
        ImpactMarkdown.verdict(
            List.of(
                refused,
                cron,
                impact("production", "Secret", "a", Change.DELETED, false),
                impact("production", "Secret", "b", Change.DELETED, false))));
    assertEquals("No Kubernetes object changes.", ImpactMarkdown.verdict(List.of()));
    assertEquals(
        "### kube-generate: what this regeneration changes\n\nNo Kubernetes object changes.\n\n",
        ImpactMarkdown.render(List.of(), List.of()));
  }

  @Test
  void render_untrustedNamesEscaped() {
    ObjectImpact hostile =
        new ObjectImpact(
            "prod|uction",
            ManifestPath.of("k/x.yaml"),
            "Deployment",
            Optional.of("<script>"),
            "a`b*c*@team",
            Change.UPDATED,
            List.of("/metadata/labels/x```y"),
            true,
            List.of(),
            false,
            false);
    String html = Html.of(ImpactMarkdown.render(List.of(hostile), List.of()));
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<em>"), html);
    assertEquals(
        List.of("prod|uction", "Deployment &lt;script&gt;/a`b*c*@team", "updated", "yes", ""),
        StepSummaryTest.rows(html).get(1));
    assertTrue(html.contains("<pre><code>/metadata/labels/x```y\n</code></pre>"), html);
  }

  @Test
  void render_overTheLimit_keepsTheVerdictAndSaysWhatWasLeftOut() {
    List<ObjectImpact> many = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      many.add(
          impact(
              "production",
              "Deployment",
              "app-" + i,
              Change.UPDATED,
              true,
              "/spec/template/spec/containers/0/image",
              "/spec/template/spec/containers/0/env/3/value"));
    }
    String md = ImpactMarkdown.render(many, List.of());
    assertTrue(md.length() <= ImpactMarkdown.LIMIT_CHARS, md.length() + " characters");
    assertTrue(
        md.contains(
            "3000 objects change in 1 cluster; pods of app-0, app-1, app-2 and 2997"
                + " more restart"),
        md.substring(0, 300));
    int rows = StepSummaryTest.rows(Html.of(md)).size() - 1;
    assertTrue(rows > 100 && rows < 3000, rows + " rows");
    assertTrue(
        md.endsWith(
            "> [!NOTE]\n> Left out to stay within GitHub's size limit: "
                + (3000 - rows)
                + " rows of the table and the changed fields of 3000 objects. The job's log lists"
                + " every object (`kube-generate --update` prints a line for each), and"
                + " `kube-generate --format json` before the update gives every changed field.\n"),
        md.substring(md.length() - 400));
  }

  @Test
  void render_errors_listedEscaped() {
    String md =
        ImpactMarkdown.render(
            List.of(), List.of(new Problem("kube-generate.yaml", 3, 5, "unknown template *web*")));
    assertEquals(
        "### ❌ kube-generate: the manifests could not be generated\n\n"
            + "- kube-generate.yaml:3:5: unknown template \\*web\\*\n",
        md);
  }
}
