// The API client's reading of responses: what is trusted, what is a bad_response,
// and what it takes from a server's error.
import { expect } from '@open-wc/testing';
import { createClient, MAX_BODY_BYTES } from '../src/client/api-client.ts';
import {
  CODE_SENT, CREATE_BODY, CREATED, IMAGE, POW, SEND_BODY,
  errorBody, failure, fakeFetch, json,
} from './client-fakes.ts';

const clientFor = (respond: () => Response | Promise<Response>) => createClient({ fetch: fakeFetch(respond).fn });

describe('client: successful answers', () => {
  it('returns each endpoint\'s validated body, dropping unknown keys', async () => {
    expect(await clientFor(() => json({ ...IMAGE, extra: 1 })).getCaptcha('image')).to.deep.equal(IMAGE);
    expect(await clientFor(() => json(POW)).getCaptcha('pow')).to.deep.equal(POW);
    expect(await clientFor(() => json({ ...CODE_SENT, x: 'y' }, 201)).sendCode(SEND_BODY)).to.deep.equal(CODE_SENT);
    expect(await clientFor(() => json(CODE_SENT)).resendCode('r_41c0')).to.deep.equal(CODE_SENT);
    expect(await clientFor(() => json(CREATED, 201)).createAccount(CREATE_BODY)).to.deep.equal(CREATED);
    const { session: _session, ...cookieOnly } = CREATED;
    expect(await clientFor(() => json(cookieOnly, 201)).createAccount(CREATE_BODY)).to.deep.equal(cookieOnly);
  });

  it('accepts a +json content type', async () => {
    const res = new Response(JSON.stringify(IMAGE), { headers: { 'Content-Type': 'application/vnd.hik+json' } });
    expect(await clientFor(() => res).getCaptcha('image')).to.deep.equal(IMAGE);
  });

  it('says whether a user name is available, and null when the check is not offered (404, 405)', async () => {
    expect(await clientFor(() => json({ available: true })).checkUsername('dealer_01')).to.equal(true);
    expect(await clientFor(() => json({ available: false })).checkUsername('dealer_01')).to.equal(false);
    expect(await clientFor(() => new Response('Not Found', { status: 404 })).checkUsername('dealer_01')).to.equal(null);
    expect(await clientFor(() => json(errorBody('nope', 'x'), 405)).checkUsername('dealer_01')).to.equal(null);
  });

  it('resolves null for a captcha kind the server does not offer (404)', async () => {
    expect(await clientFor(() => new Response('<h1>Not Found</h1>', { status: 404 })).getCaptcha('pow')).to.equal(null);
    expect(await clientFor(() => json(errorBody('not_found', 'x'), 404)).getCaptcha('image')).to.equal(null);
  });

  it('reports a 404 on a POST as an error, not as null', async () => {
    const error = await failure(clientFor(() => json(errorBody('not_found', 'No such request.'), 404)).resendCode('r_1'));
    expect(error.code).to.equal('not_found');
    expect(error.message).to.equal('No such request.');
  });
});

describe('client: bad responses', () => {
  async function expectBad(respond: () => Response, status?: number) {
    const error = await failure(clientFor(respond).sendCode(SEND_BODY));
    expect(error.code).to.equal('bad_response');
    expect(error.status).to.equal(status);
    expect(error.message).to.be.a('string').and.not.be.empty;
  }

  it('refuses an HTML error page from a proxy', async () => {
    await expectBad(() => new Response('<html><body>Bad Gateway</body></html>', {
      status: 502, headers: { 'Content-Type': 'text/html' },
    }), 502);
  });

  it('refuses an empty body, on 201 and on 204', async () => {
    await expectBad(() => new Response('', { status: 201, headers: { 'Content-Type': 'application/json' } }), 201);
    await expectBad(() => new Response(null, { status: 204, headers: { 'Content-Type': 'application/json' } }), 204);
  });

  it('refuses JSON sent with a wrong or missing content type', async () => {
    await expectBad(() => new Response(JSON.stringify(CODE_SENT), { status: 201, headers: { 'Content-Type': 'text/plain' } }), 201);
    await expectBad(() => new Response(new Blob([JSON.stringify(CODE_SENT)]), { status: 201 }), 201);
  });

  it('refuses text that is not JSON, or not UTF-8', async () => {
    await expectBad(() => new Response('{"requestId":', { status: 201, headers: { 'Content-Type': 'application/json' } }), 201);
    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]); // {"é":1} in Latin-1
    await expectBad(() => new Response(latin1, { status: 201, headers: { 'Content-Type': 'application/json' } }), 201);
  });

  it('refuses a huge body, with or without Content-Length', async () => {
    const huge = JSON.stringify({ ...CODE_SENT, padding: 'x'.repeat(MAX_BODY_BYTES) });
    await expectBad(() => json(JSON.parse(huge), 201, { 'Content-Length': String(huge.length) }), 201);
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) { pulls += 1; c.enqueue(new Uint8Array(64 * 1024).fill(0x20)); },
    });
    await expectBad(() => new Response(endless, { status: 201, headers: { 'Content-Type': 'application/json' } }), 201);
    expect(pulls).to.be.below(10);
  });

  it('refuses a success body that does not match the schema', async () => {
    const { requestId: _id, ...noId } = CODE_SENT;
    await expectBad(() => json(noId, 201), 201);
    await expectBad(() => json({ ...CODE_SENT, codeLength: 40 }, 201), 201);
    await expectBad(() => json([CODE_SENT], 201), 201);
    await expectBad(() => json(null, 201), 201);
    const error = await failure(clientFor(() => json({ ...CREATED, session: { token: '' } }, 201)).createAccount(CREATE_BODY));
    expect(error.code).to.equal('bad_response');
  });

  it('refuses an error body that does not match the schema', async () => {
    await expectBad(() => json({ message: 'Nope' }, 400), 400);
    await expectBad(() => json({ error: { message: 'no code' } }, 400), 400);
    await expectBad(() => json({ error: 'captcha_invalid' }, 400), 400);
  });

  it('refuses a captcha image that is not a data:image URL', async () => {
    for (const image of ['javascript:alert(1)', 'https://evil.example/c.png', 'data:text/html;base64,PGI+', '']) {
      const error = await failure(clientFor(() => json({ ...IMAGE, image })).getCaptcha('image'));
      expect(error.code, image).to.equal('bad_response');
    }
    for (const image of await pictures()) {
      expect(await clientFor(() => json({ ...IMAGE, image })).getCaptcha('image')).to.have.property('image', image);
    }
  });

  it('refuses a data:image URL whose base64 is broken (not only the prefix is checked)', async () => {
    const broken = [
      'data:image/png;base64,!!!not-base64!!!', 'data:image/png;base64,AAA', 'data:image/png;base64,AA==AAAA',
      'data:image/png;base64,', 'data:image/png;base64,AAAA AAAA', 'data:image/png;', 'data:image/png,',
    ];
    for (const image of broken) {
      const error = await failure(clientFor(() => json({ ...IMAGE, image })).getCaptcha('image'));
      expect(error.code, image).to.equal('bad_response');
    }
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>';
    const plain = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%228%22 height=%228%22/%3E';
    for (const image of [`data:image/svg+xml;charset=utf-8;base64,${btoa(svg)}`, `data:image/svg+xml,${encodeURIComponent(svg)}`, plain]) {
      expect(await clientFor(() => json({ ...IMAGE, image })).getCaptcha('image')).to.have.property('image', image);
    }
  });

  it('refuses a picture the browser cannot decode (well-formed base64 that is no image of its type)', async () => {
    const png = (await pictures())[0]!;
    const broken = [
      'data:image/png;base64,AAAAAAAA', 'data:image/gif;base64,R0lGODlh', `data:image/svg+xml;base64,${btoa('<html>no svg</html>')}`,
      // A real PNG cut short.
      png.slice(0, 'data:image/png;base64,'.length + 48),
    ];
    for (const image of broken) {
      const error = await failure(clientFor(() => json({ ...IMAGE, image })).getCaptcha('image'));
      expect(error.code, image).to.equal('bad_response');
    }
  });

  it('refuses a challenge of another kind than asked for', async () => {
    expect((await failure(clientFor(() => json(POW)).getCaptcha('image'))).code).to.equal('bad_response');
  });
});

/** One real picture of each type the contract allows: PNG, JPEG and WebP drawn by a canvas, a 1x1 GIF. */
async function pictures(): Promise<string[]> {
  const canvas = document.createElement('canvas');
  canvas.width = 2;
  canvas.height = 2;
  const drawn = ['image/png', 'image/jpeg', 'image/webp'].map((type) => canvas.toDataURL(type));
  return [...drawn, 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'];
}

describe('client: server errors', () => {
  it('carries the server\'s code, message, field and attemptsLeft', async () => {
    const body = errorBody('code_invalid', 'Wrong code.', { field: 'code', attemptsLeft: 2 });
    const error = await failure(clientFor(() => json(body, 400)).createAccount(CREATE_BODY));
    expect(error).to.include({ code: 'code_invalid', message: 'Wrong code.', field: 'code', attemptsLeft: 2, status: 400 });
  });

  it('passes on a code it does not know, with the server\'s message', async () => {
    const error = await failure(clientFor(() => json(errorBody('maintenance', 'Back at 6.'), 503)).sendCode(SEND_BODY));
    expect(error).to.include({ code: 'maintenance', message: 'Back at 6.', status: 503 });
  });

  it('reads Retry-After in seconds when the body has no retryAfter', async () => {
    const res = () => json(errorBody('rate_limited', 'Slow down.'), 429, { 'Retry-After': '30' });
    expect((await failure(clientFor(res).sendCode(SEND_BODY))).retryAfter).to.equal(30);
  });

  it('reads Retry-After as an HTTP-date, against the response\'s Date header', async () => {
    const date = 'Wed, 21 Oct 2015 07:28:00 GMT';
    const later = 'Wed, 21 Oct 2015 07:29:30 GMT';
    const res = () => json(errorBody('rate_limited', 'Slow down.'), 429, { 'Retry-After': later, Date: date });
    expect((await failure(clientFor(res).sendCode(SEND_BODY))).retryAfter).to.equal(90);
  });

  it('reads Retry-After as an HTTP-date against the local clock when there is no Date header', async () => {
    const later = new Date(Date.now() + 120_000).toUTCString();
    const res = () => json(errorBody('rate_limited', 'Slow down.'), 429, { 'Retry-After': later });
    const { retryAfter } = await failure(clientFor(res).sendCode(SEND_BODY));
    expect(retryAfter).to.be.within(118, 121);
  });

  it('prefers the body\'s retryAfter, rounds it up, and leaves it undefined when nobody says', async () => {
    const withBoth = () => json(errorBody('rate_limited', 'x', { retryAfter: 12.2 }), 429, { 'Retry-After': '99' });
    expect((await failure(clientFor(withBoth).sendCode(SEND_BODY))).retryAfter).to.equal(13);
    const bare = () => json(errorBody('rate_limited', 'x'), 429);
    const error = await failure(clientFor(bare).sendCode(SEND_BODY));
    expect(error.code).to.equal('rate_limited');
    expect(error.retryAfter).to.equal(undefined);
    const junk = () => json(errorBody('rate_limited', 'x'), 429, { 'Retry-After': 'soon-ish 12' });
    expect((await failure(clientFor(junk).sendCode(SEND_BODY))).retryAfter).to.equal(undefined);
  });
});
