/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden(): the instructor area answers a student with a real 403 page.
  experimental: { authInterrupts: true },
  // Route handlers read content/chapters/*/quiz.yaml at run time; keep it in traced output.
  outputFileTracingIncludes: { "/api/**": ["./content/**/*"] },
};

export default nextConfig;
