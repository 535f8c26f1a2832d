package dev.kubegenerate.fixes;

import dev.kubegenerate.model.EditFix;
import dev.kubegenerate.objects.ObjectId;
import java.util.List;
import java.util.Optional;

/** The fix of an object's edited fields in one file, as the report shows it. */
final class NewFix {

  private NewFix() {}

  /**
   * @param everyCluster whether the fix goes on the entry (the same edit in each cluster's file)
   * @param key the config key to set, or the patches key; empty when no fix was found
   * @param value the key's value; null for a patch or no fix
   * @param line the config line the fix goes at; 0 when none
   */
  static EditFix of(
      HandEditFixes.EditedFile e,
      List<FieldEdit> fields,
      EditFix.Kind kind,
      boolean everyCluster,
      String key,
      Object value,
      String patch,
      int line,
      List<String> alsoChanges) {
    ObjectId id = fields.get(0).id();
    return new EditFix(
        id.kind() + " " + id.name(),
        e.cluster(),
        fields.stream().map(FieldEdit::shown).toList(),
        kind,
        everyCluster,
        FixLines.entryName(e.entry()),
        FixLines.named(e.entry()),
        key,
        Optional.ofNullable(value),
        patch,
        line,
        alsoChanges);
  }
}
