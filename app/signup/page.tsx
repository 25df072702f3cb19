import type { Metadata } from "next";
import { Suspense } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { SignupForm } from "@/components/auth/signup-form";

export const metadata: Metadata = { title: "회원가입" };

export default function SignupPage() {
  return (
    <AuthCard title="회원가입">
      <Suspense>
        <SignupForm />
      </Suspense>
    </AuthCard>
  );
}
