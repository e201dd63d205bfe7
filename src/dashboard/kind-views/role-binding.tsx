// A RoleBinding's or ClusterRoleBinding's page: the role it grants (linked) and its subjects, as `kubectl describe
// rolebinding` shows them.
import type { KubeObject } from "../../api/object";
import type { PageContext } from "../page-context";
import type { KindView } from "./kind-view";
import { Facts, ObjectLink, SectionTable } from "./parts";

const rbacGroup = "rbac.authorization.k8s.io";

/** The fields of a binding (rbac.authorization.k8s.io/v1) the view reads. */
interface BindingShape {
  metadata: { namespace?: string };
  roleRef?: { apiGroup?: string; kind?: string; name?: string };
  subjects?: Array<{ kind?: string; name?: string; namespace?: string; apiGroup?: string }> | null;
}

export function BindingSections(props: { ctx: PageContext; binding: KubeObject }) {
  const { ctx } = props;
  const binding = props.binding as BindingShape;
  const ref = binding.roleRef;
  // A RoleBinding may name a Role of its namespace or a ClusterRole; a ClusterRoleBinding only a ClusterRole.
  const roleDef = ref?.kind === "Role" ? ctx.catalog.find(rbacGroup, "v1", "roles") : ref?.kind === "ClusterRole" ? ctx.catalog.find(rbacGroup, "v1", "clusterroles") : undefined;
  const subjects = (binding.subjects ?? []).map((s) => {
    const isServiceAccount = s.kind === "ServiceAccount";
    const name = isServiceAccount ? <ObjectLink ctx={ctx} def={ctx.catalog.core("serviceaccounts")} namespace={s.namespace} name={s.name ?? ""} /> : s.name ?? "";
    return [s.kind ?? "", name, s.namespace ?? ""];
  });
  return (
    <>
      <section aria-labelledby="role">
        <h2 id="role">Role</h2>
        <Facts label="Role" facts={[["Kind", ref?.kind], ["Name", ref?.name ? <ObjectLink ctx={ctx} def={roleDef} namespace={binding.metadata.namespace} name={ref.name} /> : undefined]]} />
      </section>
      <SectionTable id="subjects" title="Subjects" headers={["Kind", "Name", "Namespace"]} rows={subjects} empty="No subjects: this binding grants nothing to anyone." />
    </>
  );
}

export const bindingView: KindView = {
  sections: async (ctx, object) => <BindingSections ctx={ctx} binding={object} />,
};
