// The ceiling for `npm run bench:load`: a bare Next.js page, built and served exactly like
// the portal (our launcher, two instances, the same nginx), doing nothing of its own.
export default function RootLayout({ children }) {
  return (
    <html lang="et">
      <body>{children}</body>
    </html>
  );
}
