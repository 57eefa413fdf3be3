import { SurveyPageRenderer } from './survey-page.renderer';

describe('SurveyPageRenderer', () => {
  const renderer = new SurveyPageRenderer();

  it('renders the question as a labelled radio group 0–10 in the survey language, with no script', () => {
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
    expect(html).not.toContain('<script');
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
