/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Route handlers read content/chapters/*/quiz.yaml at run time; keep it in traced output.
  outputFileTracingIncludes: { "/api/**": ["./content/**/*"] },
};

export default nextConfig;
