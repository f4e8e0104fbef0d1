import { beforeEach, describe, expect, test } from '@jest/globals';
import { $, $$, check, click, sourceWithoutComments, text, typeInto, wait } from '@tutor/checks';

async function addTask(words) {
  typeInto('#new-task', words);
  click('#add');
  await wait(20);
}

const shownTasks = () => $$('#tasks li').map((item) => item.textContent.trim());

describe('Adding tasks', () => {
  beforeEach(() => {
    check($('#add-form') && $('#new-task') && $('#add') && $('#tasks') && $('#left'),
      'Keep the form, the box, the Add button, the list and the count in index.html.');
    $('#tasks').textContent = '';
    $('#new-task').value = '';
    $('#left').textContent = '0 left';
  });

  test('todo.js listens for the submit event', () => {
    expect(sourceWithoutComments('todo.js'), 'Use form.addEventListener("submit", addTask).')
      .toMatch(/addEventListener\s*\(\s*["'`]submit["'`]/);
  });

  test('A new task goes on the list', async () => {
    await addTask('Buy milk');
    expect(shownTasks(), 'Type "Buy milk" and press Add. The list should show one task: Buy milk.')
      .toEqual(['Buy milk']);
  });

  test('New tasks go on the end of the list', async () => {
    await addTask('Buy milk');
    await addTask('Walk the dog');
    expect(shownTasks(), 'Add two tasks. Both should show, in the order they were added. Use list.append.')
      .toEqual(['Buy milk', 'Walk the dog']);
  });

  test('The box is empty after a task is added', async () => {
    await addTask('Buy milk');
    expect($('#new-task').value, 'After adding a task, empty the box: taskBox.value = ""').toBe('');
  });

  test('An empty box adds nothing', async () => {
    click('#add');
    await wait(20);
    expect(shownTasks(), 'When the box is empty, do not add a task. Stop with return.').toEqual([]);
  });

  test('The count shows how many are left', async () => {
    await addTask('Buy milk');
    await addTask('Walk the dog');
    expect(text('#left'), 'With two tasks to do, the count should say "2 left". Count them in updateCount, and call it in addTask.')
      .toBe('2 left');
  });
});

describe('Marking tasks as done', () => {
  beforeEach(async () => {
    check($('#add-form') && $('#new-task') && $('#add') && $('#tasks') && $('#left'),
      'Keep the form, the box, the Add button, the list and the count in index.html.');
    $('#tasks').textContent = '';
    $('#new-task').value = '';
    await addTask('Buy milk');
    await addTask('Walk the dog');
    check($$('#tasks li').length === 2, 'First make the Add button put tasks on the list.');
  });

  test('A click marks a task as done', () => {
    click($$('#tasks li')[0]);
    expect($$('#tasks li')[0].classList.contains('done'),
      'Clicking a task should give it the class "done".').toBe(true);
    expect($$('#tasks li')[1].classList.contains('done'),
      'Only the clicked task should be done. Give each <li> its own listener.').toBe(false);
  });

  test('A second click undoes it', () => {
    click($$('#tasks li')[0]);
    click($$('#tasks li')[0]);
    expect($$('#tasks li')[0].classList.contains('done'),
      'Clicking a done task again should take the class "done" away. Use toggle.').toBe(false);
  });

  test('Done tasks do not count as left', () => {
    click($$('#tasks li')[1]);
    expect(text('#left'), 'Mark one of two tasks as done. The count should say "1 left".')
      .toBe('1 left');
  });

  test('The count goes back up after an undo', () => {
    click($$('#tasks li')[1]);
    click($$('#tasks li')[1]);
    expect(text('#left'), 'Undo a done task. The count should go back to "2 left".').toBe('2 left');
  });
});
