// Passkey screens of the hosted login (served from 'self'; the only script the login pages run).
// Runs navigator.credentials.create()/get() with the options the server put on the form, then posts the result as
// base64url form fields to /login/flow, where the flow interpreter checks it. Without this script, or without
// WebAuthn in the browser, the form's only button posts action=unsupported and the flow goes another way.
'use strict';
(function () {
    const form = document.getElementById('passkey-form');
    if (!form)
        return;
    const field = (name) => form.elements.namedItem(name);
    const start = document.getElementById('passkey-start');
    const fallback = document.getElementById('passkey-fallback');
    const create = form.dataset.ceremony === 'create';
    const allowSkip = form.dataset.allowSkip !== 'false';
    const supported = !!(window.PublicKeyCredential && navigator.credentials &&
                         (create ? navigator.credentials.create : navigator.credentials.get));
    if (!supported) {
        document.getElementById('passkey-unsupported').hidden = false;
        return; // action stays "unsupported"
    }

    const toBytes = (text) => {
        const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
        const binary = atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
        return Uint8Array.from(binary, (c) => c.charCodeAt(0));
    };
    const toText = (buffer) => {
        if (!buffer)
            return '';
        let binary = '';
        for (const byte of new Uint8Array(buffer))
            binary += String.fromCharCode(byte);
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    };
    const withIds = (list) => (list || []).map((c) => Object.assign({}, c, { id: toBytes(c.id) }));

    // With WebAuthn available, the second button means "another way" (or "not now"), not "unsupported".
    field('action').value = create ? (allowSkip ? 'skip' : 'unsupported') : 'other';
    if (create && !allowSkip)
        fallback.hidden = true;
    start.hidden = false;
    start.focus();

    const post = (action) => {
        field('action').value = action;
        form.submit();
    };

    start.addEventListener('click', async () => {
        start.disabled = true;
        const options = JSON.parse(form.dataset.options);
        options.challenge = toBytes(options.challenge);
        try {
            let credential;
            if (create) {
                options.user = Object.assign({}, options.user, { id: toBytes(options.user.id) });
                options.excludeCredentials = withIds(options.excludeCredentials);
                credential = await navigator.credentials.create({ publicKey: options });
                const response = credential.response;
                field('attestationObject').value = toText(response.attestationObject);
                field('transports').value = response.getTransports ? response.getTransports().join(',') : '';
            } else {
                options.allowCredentials = withIds(options.allowCredentials);
                credential = await navigator.credentials.get({ publicKey: options });
                const response = credential.response;
                field('authenticatorData').value = toText(response.authenticatorData);
                field('signature').value = toText(response.signature);
                field('userHandle').value = toText(response.userHandle);
            }
            field('credentialId').value = toText(credential.rawId);
            field('clientDataJSON').value = toText(credential.response.clientDataJSON);
            post('passkey');
        } catch (error) {
            // Cancelled, timed out, or this device already holds one of the person's passkeys: let them try again.
            // Anything else (no usable authenticator, an address passkeys cannot use) goes the other way.
            const retry = ['NotAllowedError', 'AbortError', 'InvalidStateError'].includes(error && error.name);
            post(retry ? 'cancel' : 'unsupported');
        }
    });
})();
