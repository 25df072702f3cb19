// Security headers for every response; the page CSP itself is set per page by proxy.ts (ADR 0006).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden(): the instructor area answers a student with a real 403 page.
  // Route handlers read content/chapters/*/quiz.yaml at run time; keep it in traced output.
  outputFileTracingIncludes: { "/api/**": ["./content/**/*"] },
  // forbidden() in the instructor area needs authInterrupts; server actions get the same body cap as
  // route handlers (lib/server DEFAULT_BODY_LIMIT).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "64kb" } },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
