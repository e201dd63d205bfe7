// `kubectl get networkpolicies`: NAME, POD-SELECTOR (metav1.FormatLabelSelector, `<none>` for the empty selector),
// AGE, as printNetworkPolicy prints them.
import type { NetworkPolicy } from "../../../api/schemas/networking/networkpolicy";
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { formatLabelSelector } from "../printing/label-selector";

export const printer: Printer<NetworkPolicy> = {
  columns: [
    nameColumn,
    column(
      "Pod-Selector",
      "string",
      "Selects the pods to which this NetworkPolicy object applies. The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods. In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace.",
    ),
    ageColumn,
  ],
  cells: (np, now) => [np.metadata.name ?? "", formatLabelSelector(np.spec?.podSelector ?? {}), translateTimestampSince(np.metadata.creationTimestamp, now)],
};
