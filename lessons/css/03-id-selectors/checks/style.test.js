import { beforeAll, describe, expect, test } from '@jest/globals';
import { $, $$, check, style } from '@tutor/checks';

const LIGHT_YELLOW = 'rgb(255, 255, 224)';

test('The first story has the id top-story', () => {
  const first = $$('.story')[0];
  check(first, 'Keep the three stories with class="story".');
  expect(first.id, 'Add id="top-story" to the first story. Keep class="story" too.').toBe('top-story');
});

describe('The #top-story rule', () => {
  beforeAll(() => {
    check($('#top-story'), 'Give the first story the id top-story first.');
  });

  test('The top story has a light yellow background', () => {
    expect(style('#top-story', 'background-color'),
      'Write background-color: lightyellow; in the #top-story rule.').toBe(LIGHT_YELLOW);
  });

  test('The top story text is 20px', () => {
    expect(style('#top-story', 'font-size'), 'Write font-size: 20px; in the #top-story rule.')
      .toBe('20px');
  });

  test('The other stories stay plain', () => {
    for (const story of $$('.story').slice(1)) {
      expect(style(story, 'background-color'),
        'Only the first story should be yellow. Use the #top-story selector.').not.toBe(LIGHT_YELLOW);
    }
  });
});
