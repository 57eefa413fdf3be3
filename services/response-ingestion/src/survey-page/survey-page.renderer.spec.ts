import { SurveyPageRenderer } from './survey-page.renderer';

describe('SurveyPageRenderer', () => {
  const renderer = new SurveyPageRenderer();

  it('renders the question as a labelled radio group 0–10 in the survey language, with no inline script', () => {
    const html = renderer.answerForm({ language: 'de', action: '/s/t' });
    expect(html).toContain('<html lang="de">');
    expect(html).toMatch(
      /<fieldset[^>]*>\s*<legend>Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen\?<\/legend>/,
    );
    for (let score = 0; score <= 10; score++) {
      expect(html).toContain(`<input type="radio" name="score" id="score-${score}" value="${score}">`);
      expect(html).toContain(
        `<label for="score-${score}"><span aria-hidden="true">${score}</span><span class="sr-only">${score} von 10</span></label>`,
      );
    }
    expect(html).toContain('<label class="comment" for="comment">');
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('<script src="/survey-assets/survey-page.js" defer></script>');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toContain('data-confirm-score');
  });

  it('marks a one-click score for the page script to confirm, with the notice to show once saved', () => {
    const html = renderer.answerForm({
      language: 'en',
      action: '/s/t',
      score: 9,
      notice: 'You chose 9.',
      confirm: { score: 9, saved: 'Thank you, your score 9 is saved.' },
    });
    expect(html).toContain('data-confirm-score="9" data-saved="Thank you, your score 9 is saved."');
    expect(html).toContain('id="score-9" value="9" checked');
    expect(html).toContain('<p class="notice" role="status" id="notice">You chose 9.</p>');
  });

  it('keeps what was typed and names the field at fault', () => {
    const html = renderer.answerForm({
      language: 'en',
      action: '/s/t',
      score: 4,
      comment: '<b>late</b>',
      errors: [{ field: 'comment', message: 'Comment: too long' }],
    });
    expect(html).toContain('id="score-4" value="4" checked');
    expect(html).toContain('&lt;b&gt;late&lt;/b&gt;</textarea>');
    expect(html).toMatch(/role="alert"[\s\S]*<li id="error-comment">Comment: too long<\/li>/);
    expect(html).toContain('aria-describedby="comment-hint error-comment"');
  });
});
