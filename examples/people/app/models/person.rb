class Person < ApplicationRecord
  validates :name, presence: true
end
