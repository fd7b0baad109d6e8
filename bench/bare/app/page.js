// Rendered per request, as the portal's pages are (they read the session cookie).
export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>Tere!</h1>
      <p>{new Date().toISOString()}</p>
    </main>
  );
}
