package opendata

// roundSchema is the JSON Schema of the answers file of a round,
// /daten/<round>.json. It is published as /daten/schema.json.
const roundSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Self-check round",
  "description": "All answers of one completed self-check round, with field scores, assessments and recommendations.",
  "type": "object",
  "required": ["id", "title", "date", "instrument", "scale", "fields", "answers"],
  "properties": {
    "$schema": {"type": "string"},
    "id": {"type": "string", "description": "Round ID, as in the URL of the round page."},
    "title": {"type": "string"},
    "date": {"type": "string", "format": "date", "description": "Day the answers were completed."},
    "instrument": {"type": "string", "description": "Title of the questionnaire."},
    "respondents": {"type": "array", "items": {"type": "string"}, "description": "Offices and bodies that answered."},
    "scale": {
      "type": "array",
      "description": "The answer scale, lowest first.",
      "items": {"type": "object", "required": ["points", "label"],
        "properties": {"points": {"type": "integer"}, "label": {"type": "string"}}}
    },
    "fields": {
      "type": "array",
      "description": "Action fields in instrument order.",
      "items": {
        "type": "object",
        "required": ["slug", "title", "score", "answered", "skipped", "recommendations"],
        "properties": {
          "slug": {"type": "string"},
          "title": {"type": "string"},
          "score": {"type": ["number", "null"], "minimum": 0, "maximum": 100,
            "description": "Share of possible points reached by answered questions, in percent, one decimal; null if none was answered."},
          "answered": {"type": "integer", "minimum": 0},
          "skipped": {"type": "integer", "minimum": 0},
          "assessment": {"type": "string", "description": "Assessment from the workshop, Markdown."},
          "recommendations": {
            "type": "array",
            "items": {"type": "object", "required": ["text", "status"],
              "properties": {
                "text": {"type": "string"},
                "status": {"enum": ["planned", "in_progress", "done"]},
                "note": {"type": "string"}}}
          }
        }
      }
    },
    "answers": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["question_id", "field", "question", "points", "label", "skipped"],
        "properties": {
          "question_id": {"type": "string"},
          "field": {"type": "string", "description": "Slug of the action field."},
          "topic": {"type": "string", "description": "Slug of the topic, if the field has topics."},
          "question": {"type": "string"},
          "points": {"type": ["integer", "null"], "description": "Points on the scale; null if skipped."},
          "label": {"type": "string"},
          "skipped": {"type": "boolean"},
          "comment": {"type": "string"}
        }
      }
    }
  }
}
`
