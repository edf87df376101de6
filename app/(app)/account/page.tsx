import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/authz/page-guards";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountPage() {
  const user = await requirePageUser();
  const details = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { createdAt: true } });
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 md:px-6">
      <PageHeader title="Account settings" description="Your profile and sign-in security." />
      <Card>
        <CardHeader title="Profile" />
        <CardBody>
          <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Name</dt>
              <dd className="font-medium text-slate-900">{user.name}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Email</dt>
              <dd className="font-medium text-slate-900">{user.email}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Member since</dt>
              <dd className="font-medium text-slate-900">
                <LocalTime iso={details.createdAt.toISOString()} dateOnly />
              </dd>
            </div>
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}
