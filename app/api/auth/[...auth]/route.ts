import { handleAuthRequest } from "@/lib/auth";

export const dynamic = "force-dynamic";
export { handleAuthRequest as GET, handleAuthRequest as POST };
