import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, describeConfig, loadConfig, localServerUrl, SETTINGS } from './config.ts';

function withYaml(content: string, run: (file: string) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), 'plantintel-config-'));
  const file = path.join(dir, 'plantintel.yaml');
  writeFileSync(file, content);
  try {
    run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('config', () => {
  test('defaults: port 8080 on 127.0.0.1, embedded database in ./data', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8080);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, './data');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.logLevel, 'info');
    assert.deepEqual(config.corsOrigins, []);
    assert.match(config.version, /^\d+\.\d+\.\d+/);
  });

  test('environment variables are parsed and validated', () => {
    const config = loadConfig({
      PORT: '9001',
      DATABASE_URL: 'postgres://app:pw@db:5432/plant',
      LOG_LEVEL: 'DEBUG',
      CORS_ORIGINS: 'https://a.example.com, https://b.example.com/',
    });
    assert.equal(config.port, 9001);
    assert.equal(config.databaseUrl, 'postgres://app:pw@db:5432/plant');
    assert.equal(config.logLevel, 'debug');
    assert.deepEqual(config.corsOrigins, ['https://a.example.com', 'https://b.example.com']);
  });

  const invalid: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /^PORT must be an integer between 0 and 65535 \(got "eighty"\)$/],
    [{ PORT: '70000' }, /^PORT must be an integer/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL must use the postgres:\/\/ scheme/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of fatal, error/],
    [{ CORS_ORIGINS: 'example.com' }, /^CORS_ORIGINS must be a comma-separated list of origins/],
    [{ BODY_LIMIT_BYTES: '10' }, /^BODY_LIMIT_BYTES must be an integer between 1024/],
    [{ TRUST_PROXY: 'yes' }, /^TRUST_PROXY must be true, false, a hop count or .* \(got "yes"\)$/],
    [{ TRUST_PROXY: '10.0.0.1, 10.0.0.0/33' }, /^TRUST_PROXY must be .*\(got "10.0.0.0\/33"\)$/],
    [{ TRUST_PROXY: '10.0.0.0/8,proxy.local' }, /^TRUST_PROXY must be .*\(got "proxy.local"\)$/],
    [
      { GATEWAY_KEEPALIVE_MS: '5' },
      /^GATEWAY_KEEPALIVE_MS must be 0 \(off\) or an integer between 1000 and 600000 \(got "5"\)$/,
    ],
  ];
  for (const [env, message] of invalid) {
    test(`rejects ${JSON.stringify(env)} naming the variable`, () => {
      assert.throws(
        () => loadConfig(env),
        (err: Error) => err instanceof ConfigError && message.test(err.message),
      );
    });
  }

  test('GATEWAY_KEEPALIVE_MS: 15 s by default, 0 turns it off', () => {
    assert.equal(loadConfig({}).gatewayKeepAliveMs, 15_000);
    assert.equal(loadConfig({ GATEWAY_KEEPALIVE_MS: '0' }).gatewayKeepAliveMs, 0);
    assert.equal(loadConfig({ GATEWAY_KEEPALIVE_MS: '30000' }).gatewayKeepAliveMs, 30_000);
  });

  test('TRUST_PROXY: off by default; true, a hop count or a list of proxy addresses', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    for (const off of ['', 'false', 'FALSE', '0'])
      assert.equal(loadConfig({ TRUST_PROXY: off }).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(
      loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1, fd00::/8,loopback' }).trustProxy,
      ['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8', 'loopback'],
    );
    withYaml('trustProxy: [10.0.0.0/8, 172.16.0.0/12]\n', (file) => {
      assert.deepEqual(loadConfig({ PLANTINTEL_CONFIG: file }).trustProxy, ['10.0.0.0/8', '172.16.0.0/12']);
    });
    withYaml('trustProxy: 1\n', (file) =>
      assert.equal(loadConfig({ PLANTINTEL_CONFIG: file }).trustProxy, 1),
    );
    withYaml('trustProxy: true\n', (file) => {
      assert.equal(loadConfig({ PLANTINTEL_CONFIG: file }).trustProxy, true);
    });
  });

  test('a YAML file supplies values; the environment wins over it', () => {
    withYaml('port: 7000\nlogLevel: warn\nCORS_ORIGINS: [https://x.example.com]\n', (file) => {
      const fromFile = loadConfig({ PLANTINTEL_CONFIG: file });
      assert.equal(fromFile.port, 7000);
      assert.equal(fromFile.logLevel, 'warn');
      assert.deepEqual(fromFile.corsOrigins, ['https://x.example.com']);
      assert.equal(fromFile.configFile, file);
      const overridden = loadConfig({ PLANTINTEL_CONFIG: file, PORT: '7100' });
      assert.equal(overridden.port, 7100);
      assert.equal(overridden.logLevel, 'warn');
    });
  });

  test('a YAML file with an unknown key, bad YAML or a missing file is refused', () => {
    withYaml('prot: 7000\n', (file) => {
      assert.throws(() => loadConfig({ PLANTINTEL_CONFIG: file }), /unknown setting "prot"/);
    });
    withYaml('port: [1, 2\n', (file) => {
      assert.throws(() => loadConfig({ PLANTINTEL_CONFIG: file }), /is not valid YAML/);
    });
    withYaml('port: abc\n', (file) => {
      assert.throws(() => loadConfig({ PLANTINTEL_CONFIG: file }), /^ConfigError: PORT must be an integer/);
    });
    assert.throws(() => loadConfig({ PLANTINTEL_CONFIG: '/nonexistent/p.yaml' }), /cannot read .*ENOENT/);
  });

  test('localServerUrl: the address a local client uses, a wildcard host as localhost', () => {
    assert.equal(localServerUrl({ host: '127.0.0.1', port: 8080 }), 'http://127.0.0.1:8080');
    assert.equal(localServerUrl({ host: '0.0.0.0', port: 3000 }), 'http://localhost:3000');
    assert.equal(localServerUrl({ host: '::', port: 80 }), 'http://localhost:80');
    assert.equal(localServerUrl({ host: '::1', port: 8080 }), 'http://[::1]:8080');
  });

  test('describeConfig hides secrets', () => {
    const shown = describeConfig(
      loadConfig({ DATABASE_URL: 'postgres://u:hunter2@h/d', METRICS_TOKEN: 's3cret' }),
    );
    const text = JSON.stringify(shown);
    assert.doesNotMatch(text, /hunter2|s3cret/);
    assert.equal(shown.databaseUrl, '[set]');
  });

  test('the README documents every setting', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const s of SETTINGS)
      assert.match(readme, new RegExp(`\\|\\s*\`${s.env}\`\\s*\\|`), `${s.env} missing from README`);
    assert.match(readme, /\|\s*`PLANTINTEL_CONFIG`\s*\|/);
  });

  test('the CLI exits with code 2 and names the variable on invalid configuration', () => {
    const result = spawnSync(process.execPath, ['src/main.ts', 'config'], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, PORT: 'abc' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /invalid configuration: PORT must be an integer/);
  });

  test('an invalid TRUST_PROXY stops the CLI with code 2', () => {
    const result = spawnSync(process.execPath, ['src/main.ts', 'config'], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, TRUST_PROXY: '10.0.0.300' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /invalid configuration: TRUST_PROXY must be .*\(got "10.0.0.300"\)/);
  });
});
