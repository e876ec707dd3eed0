// A real OpenID Connect provider (the certified npm `oidc-provider`) set up the way ProConnect is, for the tests of
// cocon.identity.proconnect (ADR 0032): issuer path /api/v2, client_secret_post, ID token and userinfo signed with ES256
// by default (RS256 keys published too), userinfo answered as a signed JWT (application/jwt), ProConnect's scopes
// and claims, state and nonce, the claims parameter (acr for multi-factor), and an end of session that goes through
// the identity provider's own end-session page, on a second origin, before coming back to the service.
//
// Usage: node proconnect-provider.mjs <config.json>; prints "ready <port>" once listening. The configuration:
// { frontend, port, idpPort, clientId, clientSecret, idTokenAlg, userinfoAlg, redirectUris, postLogoutRedirectUris,
//   accounts: { "<login>": { sub, acr?, amr?, claims: { given_name, usual_name, email, siret, idp_id, uid, ... } } } }
// A login « agent-<SIRET> » that is not configured is an agent of that establishment.
// Test control, on the provider's origin: POST /_test/hang with "token" or "userinfo" (comma-separated, empty for
// none) makes those endpoints accept the request and never answer.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const require = createRequire(`${config.frontend}/package.json`);
const { default: Provider } = await import(pathToFileURL(require.resolve('oidc-provider')).href);

const origin = `http://localhost:${config.port}`;
const idpOrigin = `http://localhost:${config.idpPort}`;
const PREFIX = '/api/v2';
const MFA = ['eidas2', 'eidas3', 'https://proconnect.gouv.fr/assurance/self-asserted-2fa',
  'https://proconnect.gouv.fr/assurance/consistency-checked-2fa'];

function signingKey(type, options, alg) {
  const { privateKey } = crypto.generateKeyPairSync(type, options);
  return { ...privateKey.export({ format: 'jwk' }), kid: `${alg.toLowerCase()}-${crypto.randomUUID()}`, use: 'sig', alg };
}

const accountsByLogin = config.accounts;
const accountsBySub = Object.fromEntries(Object.values(accountsByLogin).map((a) => [a.sub, a]));

// Besides the configured accounts, « agent-<SIRET> » is an agent of that establishment (for the tests that need many)
function account(login) {
  const agent = /^agent-(\d{14})$/.exec(login ?? '');
  if (accountsByLogin[login] || !agent) {
    return accountsByLogin[login];
  }
  const created = {
    sub: `sub-${login}`,
    claims: { given_name: 'Agent', usual_name: agent[1].substring(0, 9), email: `${login}@collectivite.test`,
      siret: agent[1], idp_id: 'idp-collectivites', uid: login },
  };
  accountsByLogin[login] = created;
  accountsBySub[created.sub] = created;
  return created;
}

const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) => `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)} — ProConnect de test</title></head>`
  + `<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const provider = new Provider(`${origin}${PREFIX}`, {
  clients: [{
    client_id: config.clientId,
    client_secret: config.clientSecret,
    redirect_uris: config.redirectUris,
    post_logout_redirect_uris: config.postLogoutRedirectUris,
    token_endpoint_auth_method: 'client_secret_post',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    id_token_signed_response_alg: config.idTokenAlg ?? 'ES256',
    userinfo_signed_response_alg: config.userinfoAlg ?? 'ES256',
  }],
  jwks: { keys: [signingKey('ec', { namedCurve: 'P-256' }, 'ES256'), signingKey('rsa', { modulusLength: 2048 }, 'RS256')] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'], email: ['email'], given_name: ['given_name'], usual_name: ['usual_name'], uid: ['uid'],
    siret: ['siret'], siren: ['siren'], idp_id: ['idp_id'], organizational_unit: ['organizational_unit'],
    belonging_population: ['belonging_population'], phone: ['phone'], chorusdt: ['chorusdt'],
  },
  acrValues: ['eidas1', ...MFA],
  pkce: { required: () => false },
  features: {
    devInteractions: { enabled: false },
    claimsParameter: { enabled: true },
    jwtUserinfo: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // ProConnect asks nothing: the end of session goes on by itself
      logoutSource: async (ctx, form) => {
        ctx.body = page('Déconnexion', form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')
          + '<button type="submit" form="op.logoutForm">Continuer</button><script>document.forms[0].submit()</script>');
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = page('Vous êtes déconnecté', '<p>Votre session ProConnect est terminée.</p>');
      },
    },
  },
  interactions: { url: (ctx, interaction) => `${PREFIX}/interaction/${interaction.uid}` },
  // Every scope and claim asked is granted: ProConnect's consent is given once, when the service is registered
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
    grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
    await grant.save();
    return grant;
  },
  findAccount: async (ctx, sub) => {
    const account = accountsBySub[sub];
    return account && { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Erreur', `<p>${escape(out.error)} : ${escape(out.error_description)}</p>`);
  },
});
provider.proxy = false;

const loginForm = (uid, error) => page('Connexion à votre fournisseur d’identité',
  (error ? `<p role="alert">${escape(error)}</p>` : '')
  + `<form method="post" action="${PREFIX}/interaction/${escape(uid)}">`
  + '<label for="login">Identifiant</label> <input id="login" name="login" autocomplete="username" required> '
  + '<button type="submit">Se connecter</button></form>');

async function body(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
  }
  return text;
}

async function interaction(req, res, url) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(loginForm(details.uid));
    return;
  }
  const login = new URLSearchParams(await body(req)).get('login')?.trim();
  const chosen = account(login);
  if (!chosen) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(loginForm(details.uid, 'Identifiant inconnu.'));
    return;
  }
  await provider.interactionFinished(req, res, {
    login: { accountId: chosen.sub, acr: chosen.acr ?? 'eidas1', amr: chosen.amr ?? ['pwd'] },
  }, { mergeWithLastSubmission: false });
}

let hanging = new Set();
const held = new Set();
const callback = provider.callback();

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, origin);
    if (url.pathname === '/_test/hang' && req.method === 'POST') {
      hanging = new Set((await body(req)).split(',').map((s) => s.trim()).filter(Boolean));
      res.end('ok');
      return;
    }
    if (url.pathname.startsWith(`${PREFIX}/interaction/`)) {
      await interaction(req, res, url);
      return;
    }
    const endpoint = url.pathname.substring(PREFIX.length + 1);
    if (hanging.has(endpoint)) {
      // accepted, never answered: the client's own timeout has to end it
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    if (url.pathname === `${PREFIX}/session/end` && req.method === 'GET' && !url.searchParams.has('fi_logout_done')) {
      // ProConnect first sends a signed-in person to their identity provider's end of session, then back
      const back = `${origin}${req.url}&fi_logout_done=1`;
      res.writeHead(303, { Location: `${idpOrigin}/logout?return=${encodeURIComponent(back)}` });
      res.end();
      return;
    }
    if (url.pathname === PREFIX || url.pathname.startsWith(`${PREFIX}/`)) {
      req.originalUrl = req.url;
      req.url = req.url.substring(PREFIX.length) || '/';
      callback(req, res);
      return;
    }
    res.statusCode = 404;
    res.end();
  } catch (error) {
    res.statusCode = 500;
    res.end(page('Erreur', `<p>${escape(error.message)}</p>`));
  }
});

// The identity provider's end-session page, on another origin
const idp = http.createServer((req, res) => {
  const url = new URL(req.url, idpOrigin);
  const back = url.searchParams.get('return');
  if (url.pathname === '/logout' && back?.startsWith(`${origin}/`)) {
    res.writeHead(303, { Location: back });
  } else {
    res.statusCode = 404;
  }
  res.end();
});

const listen = (s, port) => new Promise((resolve, reject) => {
  s.once('error', reject);
  s.listen(port, resolve);
});
await listen(idp, config.idpPort);
await listen(server, config.port);
process.stdout.write(`ready ${config.port}\n`);

const stop = () => {
  held.forEach((res) => res.destroy());
  server.close();
  idp.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
