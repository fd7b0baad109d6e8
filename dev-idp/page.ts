// Server-rendered HTML of the dev IdP: the ID-card sign-in page and an error page.
import type { DemoChoice } from './accounts.ts';

export const PAGE_TITLE = 'Sisene ID-kaardiga (arenduse identiteediteenus)';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f3f4f6}
  main{max-width:40rem;margin:2rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
  h1{font-size:1.5rem;margin:0 0 .25rem}
  h2{font-size:1.125rem;margin:2rem 0 .5rem}
  .note{margin:0 0 1.5rem;color:#4b5563}
  label{display:block;font-weight:600;margin-bottom:.25rem}
  input{font:inherit;padding:.5rem .75rem;border:1px solid #6b7280;border-radius:4px;width:100%;max-width:16rem}
  input[aria-invalid=true]{border-color:#b91c1c}
  button{font:inherit;cursor:pointer;border-radius:4px;padding:.5rem 1rem;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff}
  button.secondary{background:#fff;color:#1d4ed8}
  button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
  .row{display:flex;gap:.75rem;align-items:end;flex-wrap:wrap}
  .error{color:#b91c1c;font-weight:600;margin:.5rem 0 0}
  ul{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
  ul button{width:100%;text-align:left;background:#fff;color:#1a1a1a;border-color:#d1d5db}
  ul button:hover{border-color:#1d4ed8}
  .name{display:block;font-weight:600}
  .meta{display:block;font-size:.875rem;color:#4b5563}
  .outsider .meta{color:#92400e}
  .cancel{margin-top:2rem}
`;

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="et">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function choiceButton(choice: DemoChoice): string {
  return `<li${choice.staff ? '' : ' class="outsider"'}><button type="submit" name="personal_code" value="${escapeHtml(choice.personalCode)}">
<span class="name">${escapeHtml(choice.fullName)}</span>
<span class="meta">${escapeHtml(choice.description)} · ${escapeHtml(choice.personalCode)}</span>
</button></li>`;
}

export function signInPage(opts: { uid: string; choices: DemoChoice[]; value?: string; error?: string }): string {
  const base = `/interaction/${encodeURIComponent(opts.uid)}`;
  const errorId = 'isikukood-viga';
  const staff = opts.choices.filter((c) => c.staff);
  const outsiders = opts.choices.filter((c) => !c.staff);
  // The title stays the same on error (e2e tests match it); role="alert" announces the error.
  return layout(
    PAGE_TITLE,
    `<h1>Sisene ID-kaardiga</h1>
<p class="note">Arenduse identiteediteenus, mis matkib riigi autentimisteenust TARA. Ainult arenduseks ja testimiseks.</p>
<form method="post" action="${base}/login" novalidate>
  <label for="isikukood">Isikukood</label>
  <div class="row">
    <input id="isikukood" name="personal_code" type="text" inputmode="numeric" autocomplete="off"
      value="${escapeHtml(opts.value ?? '')}"${opts.error ? ` aria-invalid="true" aria-describedby="${errorId}"` : ''}>
    <button type="submit">Sisene</button>
  </div>
  ${opts.error ? `<p class="error" id="${errorId}" role="alert">${escapeHtml(opts.error)}</p>` : ''}
</form>
<form method="post" action="${base}/login">
  <h2 id="demo-staff">Demokasutajad (ameti töötajad)</h2>
  <ul aria-labelledby="demo-staff">
${staff.map(choiceButton).join('\n')}
  </ul>
  <h2 id="demo-outsiders">Ei ole ameti töötajad</h2>
  <ul aria-labelledby="demo-outsiders">
${outsiders.map(choiceButton).join('\n')}
  </ul>
</form>
<form method="post" action="${base}/cancel" class="cancel">
  <button type="submit" class="secondary">Katkesta</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return layout(
    'Viga (arenduse identiteediteenus)',
    `<h1>Autentimine ebaõnnestus</h1>
<p role="alert">${escapeHtml(message)}</p>
<p class="note">Mine tagasi teenusesse ja alusta sisselogimist uuesti.</p>`,
  );
}
