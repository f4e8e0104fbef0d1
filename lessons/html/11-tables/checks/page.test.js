import { beforeAll, describe, expect, test } from '@jest/globals';
import { $, $$, check } from '@tutor/checks';

const words = (cell) => cell.textContent.replace(/\s+/g, ' ').trim().toLowerCase();
const rows = () => $$('table tr');

describe('The table', () => {
  beforeAll(() => {
    check($('table'), 'Keep the <table> in index.html. The checks need it.');
  });

  test('The first row has header cells', () => {
    const first = rows()[0];
    const headers = Array.from(first.querySelectorAll('th'));
    expect(headers.length, 'Make the first row two <th> cells: Day and Hours.').toBe(2);
    expect(first.querySelectorAll('td').length, 'Use <th>, not <td>, in the header row.').toBe(0);
  });

  test('The headers say Day and Hours', () => {
    const headers = $$('th').map(words);
    expect(headers, 'The two header cells should say "Day" and "Hours".')
      .toEqual(['day', 'hours']);
  });

  test('There is a row for Wednesday', () => {
    const row = rows().find((tr) => tr.cells.length && words(tr.cells[0]) === 'wednesday');
    expect(row, 'Add a <tr> row with a <td> cell that says Wednesday.').toBeTruthy();
    expect(words(row.cells[1] || row), 'In the Wednesday row, add a second <td> that says 9 to 5.')
      .toBe('9 to 5');
  });

  test('Wednesday is the last row', () => {
    const list = rows();
    expect(words(list[list.length - 1].cells[0] || list[0]), 'Put the Wednesday row after the Tuesday row.')
      .toBe('wednesday');
  });

  test('Every row has two cells', () => {
    for (const row of rows()) {
      expect(row.cells.length, 'Give every row two cells, no more and no less.').toBe(2);
    }
  });
});
