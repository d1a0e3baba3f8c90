// @vitest-environment node
import { describe, expect, it, test } from 'vitest';
import {
  checkVocab,
  modelIdFromMetadata,
  modelJsonUrl,
  siblingVocabUrl,
  UseFormatError,
  vocabDataUrl,
} from '../../../lib/triage/embed/use-artifacts';
import {
  defaultVocabUrl,
  embeddingUsefulFor,
  OFFICIAL_USE_MODEL_URL,
  OFFICIAL_USE_VOCAB_URL,
  useCacheKey,
} from '../../../lib/triage/embed/use-loader';

describe('embeddingUsefulFor', () => {
  test.each([
    ['en', true],
    ['de', true],
    ['de-AT', true],
    ['und', true],
    ['zh', false],
    ['zh-CN', false],
    ['zh_TW', false],
    ['cmn', false], // franc's code for Mandarin
    ['ja', false],
    ['ko', false],
  ])('%s → %s', (lang, useful) => {
    expect(embeddingUsefulFor(lang)).toBe(useful);
  });
});

describe('model and vocabulary URLs', () => {
  test.each([
    [OFFICIAL_USE_MODEL_URL, `${OFFICIAL_USE_MODEL_URL}/model.json?tfjs-format=file`],
    ['https://tfhub.dev/x/y/1/', 'https://tfhub.dev/x/y/1/model.json?tfjs-format=file'],
    ['https://example.org/use/model.json', 'https://example.org/use/model.json'],
    ['chrome-extension://abc/tiny-use/model.json', 'chrome-extension://abc/tiny-use/model.json'],
  ])('fetches model.json for %s from %s', (url, expected) => {
    expect(modelJsonUrl(url)).toBe(expected);
  });

  test.each([
    [OFFICIAL_USE_MODEL_URL, OFFICIAL_USE_VOCAB_URL],
    ['https://example.org/use/model.json', 'https://example.org/use/vocab.json'],
    ['http://127.0.0.1:8080/m/model.json?v=2', 'http://127.0.0.1:8080/m/vocab.json'],
  ])('takes the vocabulary for %s from %s', (url, expected) => {
    expect(defaultVocabUrl(url)).toBe(expected);
  });

  it('looks for vocab.json next to a TF Hub model.json', () => {
    expect(siblingVocabUrl('https://tfhub.dev/x/y/1')).toBe('https://tfhub.dev/x/y/1/vocab.json');
  });

  it('gives each model source its own IndexedDB key', () => {
    expect(useCacheKey(OFFICIAL_USE_MODEL_URL)).toMatch(/^indexeddb:\/\/solodesk-use-[0-9a-f]{8}$/);
    expect(useCacheKey('https://example.org/use/model.json')).not.toBe(useCacheKey(OFFICIAL_USE_MODEL_URL));
  });
});

describe('checkVocab', () => {
  const reserved = ['\uFFFD', '<s>', '</s>', 'a', 'b', 'c'].map((p) => [p, 0]);
  const vocab = JSON.stringify([...reserved, ['\u2581hi', -1]]);

  it('accepts a vocabulary unchanged when the unknown piece is one character', () => {
    expect(checkVocab(vocab)).toBe(vocab);
  });
  it('rewrites a multi-character unknown piece to U+FFFD and keeps the rest', () => {
    const fixed = JSON.parse(checkVocab(JSON.stringify([['<unk>', 0], ...reserved.slice(1), ['\u2581hi', -1]])));
    expect(fixed[0]).toEqual(['\uFFFD', 0]);
    expect(fixed[6]).toEqual(['\u2581hi', -1]);
  });
  test.each([
    ['not JSON', '{'],
    ['not an array', '{"a":1}'],
    ['too short', '[["a",0]]'],
    ['wrong entry shape', JSON.stringify([...reserved, ['x', 'y']])],
  ])('rejects a vocabulary that is %s', (_case, text) => {
    expect(() => checkVocab(text)).toThrow(UseFormatError);
  });
});

describe('vocabDataUrl', () => {
  it('round-trips Chinese and symbols through fetch', async () => {
    const text = JSON.stringify([['\u2581会议', -1], ['#?&%', -2]]);
    expect(await (await fetch(vocabDataUrl(text))).text()).toBe(text);
  });
});

describe('modelIdFromMetadata', () => {
  test.each([
    [{ solodeskModelId: 'use-1' }, 'use-1'],
    [{ other: 1 }, undefined],
    [undefined, undefined],
    [{ solodeskModelId: 5 }, undefined],
  ])('%j → %s', (metadata, id) => {
    expect(modelIdFromMetadata(metadata)).toBe(id);
  });
});
