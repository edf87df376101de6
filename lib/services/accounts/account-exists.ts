// Whether an account uses this email: invitation pages send the invitee to sign in or to sign up.
import { db } from "@/lib/db/client";

export async function accountExists(email: string): Promise<boolean> {
  return (await db.user.count({ where: { email: email.toLowerCase() } })) > 0;
}
