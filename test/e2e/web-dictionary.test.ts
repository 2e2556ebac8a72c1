import { describe, expect, it } from 'vitest';
import { caseStatuses, categories, languages } from '../../shared/domain/case/case-types.js';
import { dictionary, messageKeys, statusKey, translate } from '../../web/src/i18n/dictionary.js';
import { languageFromPreferences, storedLanguage } from '../../web/src/i18n/language.js';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('customer page dictionary', () => {
  it('has every message in both languages, none of them blank', () => {
    expect(messageKeys.length).toBeGreaterThan(50);
    for (const key of messageKeys) {
      for (const language of languages) {
        expect(dictionary[key][language].trim(), `${key} in ${language}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of messageKeys) {
      expect(placeholders(dictionary[key].en), key).toEqual(placeholders(dictionary[key]['zh-CN']));
    }
  });

  it('translates every category and every case status', () => {
    for (const category of categories) expect(messageKeys).toContain(`category.${category}`);
    for (const status of caseStatuses) expect(statusKey(status)).toBe(`status.${status}`);
    expect(statusKey('something_new')).toBeUndefined();
  });

  it('writes the Chinese pages in the bank’s own words', () => {
    expect(translate('zh-CN', 'field.name')).toBe('姓名');
    expect(translate('zh-CN', 'field.phone')).toBe('联系电话');
    expect(translate('zh-CN', 'field.email')).toBe('电子邮箱');
    expect(translate('zh-CN', 'field.customerId')).toBe('客户号');
    expect(translate('zh-CN', 'field.branchCode')).toBe('所属网点');
    expect(translate('zh-CN', 'field.category')).toBe('投诉类别');
    expect(translate('zh-CN', 'field.subject')).toBe('投诉事项');
    expect(translate('zh-CN', 'field.description')).toBe('详细描述');
    expect(translate('zh-CN', 'field.desiredOutcome')).toBe('期望的处理结果');
    expect(translate('zh-CN', 'field.anonymous')).toBe('匿名投诉');
    expect(translate('zh-CN', 'field.consent')).toMatch(/^我同意/);
  });

  it('fills placeholders and leaves a missing one visible', () => {
    expect(translate('en', 'form.counter', { count: 3, max: 200 })).toBe('3 of 200 characters');
    expect(translate('zh-CN', 'form.counter', { count: 3 })).toBe('已输入 3/{max} 字');
  });
});

describe('choosing the page language', () => {
  it('follows the first browser language it speaks, and Chinese otherwise', () => {
    expect(languageFromPreferences(['zh-TW', 'en'])).toBe('zh-CN');
    expect(languageFromPreferences(['en-US', 'zh-CN'])).toBe('en');
    expect(languageFromPreferences(['fr-FR', 'en-GB'])).toBe('en');
    expect(languageFromPreferences(['fr-FR'])).toBe('zh-CN');
    expect(languageFromPreferences([])).toBe('zh-CN');
  });

  it('trusts only a stored value it knows, and survives storage that throws', () => {
    expect(storedLanguage({ getItem: () => 'en' })).toBe('en');
    expect(storedLanguage({ getItem: () => 'fr' })).toBeUndefined();
    expect(
      storedLanguage({
        getItem: () => {
          throw new Error('blocked');
        },
      }),
    ).toBeUndefined();
    expect(storedLanguage(undefined)).toBeUndefined();
  });
});
