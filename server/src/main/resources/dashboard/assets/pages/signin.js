// Sign-in with a user of /auth/v1 (e-mail and password, and a TOTP code when the user has one).
import {errorBox, h} from '../lib/dom.js';
import {signIn} from '../lib/session.js';

export async function render(root) {
  const error = h('div', {id: 'signin-error'});
  const totp = h('label', {hidden: true}, 'Authenticator code', h('input', {name: 'totp', autocomplete: 'one-time-code', inputmode: 'numeric'}));
  const form = h('form', {class: 'signin card', id: 'signin-form'},
    h('h1', {}, 'Sign in'),
    h('p', {class: 'muted'}, 'What you see follows your role: the CEO’s overview, an employee’s work, or a client’s own account.'),
    h('label', {}, 'E-mail', h('input', {name: 'email', type: 'email', autocomplete: 'username', required: true, autofocus: true})),
    h('label', {}, 'Password', h('input', {name: 'password', type: 'password', autocomplete: 'current-password', required: true})),
    totp,
    error,
    h('button', {type: 'submit', class: 'primary'}, 'Sign in'),
    h('p', {class: 'muted small'}, 'No user yet? Create one on the engine’s machine: ',
      h('code', {}, 'bigbox users add --email you@example.com --role ceo')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.replaceChildren();
    const data = new FormData(form);
    try {
      await signIn(data.get('email'), data.get('password'), data.get('totp'));
    } catch (e) {
      if (/code|factor|totp/i.test(e.message)) totp.hidden = false;
      error.replaceChildren(errorBox(e));
    }
  });
  root.append(form);
}
