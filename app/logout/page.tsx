import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { LogoutForm } from "@/components/auth/logout-form";

export const metadata: Metadata = { title: "로그아웃" };

export default function LogoutPage() {
  return (
    <AuthCard title="로그아웃">
      <LogoutForm />
    </AuthCard>
  );
}
