import { resolveIdentity, type Accounts } from "./accounts";
import { resolveArgv } from "./argv";
import { findProfile, imageUserOf } from "./catalog";
import { parseImageReference } from "./reference";
import type { PeerProcess, ProcessSpec } from "./types";

/** The accounts of an image without its own (/etc/passwd with root only). */
export const ROOT_ONLY: Accounts = { users: { 0: { name: "root", gid: 0 } }, groups: { 0: "root" } };

/** A process of another container in this one's PID namespace: its command line and user name. */
export function peerProcess(peer: PeerProcess): { command: string; user: string } {
  if (peer.argv) return { command: peer.argv.join(" "), user: "root" };
  const parsed = parseImageReference(peer.image ?? "");
  const ref = parsed.ok ? parsed.ref : undefined;
  const profile = ref ? findProfile(ref.repository) : undefined;
  const accounts = profile?.accounts ?? ROOT_ONLY;
  const { uid } = resolveIdentity(ref ? imageUserOf(ref.repository, ref.tag) : undefined, peer.user, accounts);
  return { command: resolveArgv({ command: peer.command, args: peer.args } as ProcessSpec, profile).join(" "), user: accounts.users[uid]?.name ?? String(uid) };
}
